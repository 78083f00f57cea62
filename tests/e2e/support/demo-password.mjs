// The password of every demo account in end-to-end runs: start-server.mjs gives it to the server,
// the specs sign in with it.
export const demoPassword = 'e2e-demo-password-not-secret';
