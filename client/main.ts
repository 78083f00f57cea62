// Entry point: defining the shell is enough; it takes over <jl-app> in index.html.
import './app/jl-app.js';
