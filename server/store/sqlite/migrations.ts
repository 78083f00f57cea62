/** Schema versions of the SQLite store, applied in order; never edit one that has shipped. */
export const sqliteMigrations: readonly string[] = [
  `
  CREATE TABLE offices (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL,
    country TEXT NOT NULL,
    minister_name TEXT NOT NULL,
    minister_title TEXT NOT NULL,
    color TEXT NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  CREATE TABLE letters (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    subject TEXT NOT NULL,
    addressees TEXT NOT NULL,
    letter_date TEXT,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE signatories (
    letter_id TEXT NOT NULL REFERENCES letters(id),
    office_id TEXT NOT NULL REFERENCES offices(id),
    position INTEGER NOT NULL,
    signer_name TEXT NOT NULL,
    capacity TEXT NOT NULL,
    PRIMARY KEY (letter_id, office_id)
  );
  CREATE TABLE memberships (
    letter_id TEXT NOT NULL REFERENCES letters(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    roles TEXT NOT NULL,
    PRIMARY KEY (letter_id, user_id)
  );
  CREATE TABLE text_snapshots (
    letter_id TEXT PRIMARY KEY REFERENCES letters(id),
    snapshot BLOB NOT NULL,
    through_seq INTEGER NOT NULL
  );
  CREATE TABLE text_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    letter_id TEXT NOT NULL REFERENCES letters(id),
    body BLOB NOT NULL,
    user_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX text_updates_by_letter ON text_updates (letter_id, seq);
  CREATE TABLE signoffs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    letter_id TEXT NOT NULL REFERENCES letters(id),
    paragraph_id TEXT NOT NULL,
    office_id TEXT NOT NULL REFERENCES offices(id),
    action TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    paragraph_text TEXT NOT NULL,
    reason TEXT,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
  );
  CREATE INDEX signoffs_by_letter ON signoffs (letter_id, id);
  CREATE TABLE letter_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    letter_id TEXT NOT NULL REFERENCES letters(id),
    kind TEXT NOT NULL,
    office_id TEXT,
    from_status TEXT,
    to_status TEXT,
    letter_hash TEXT,
    reason TEXT,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
  );
  CREATE INDEX letter_events_by_letter ON letter_events (letter_id, id);
  CREATE TABLE text_clients (
    letter_id TEXT NOT NULL REFERENCES letters(id),
    client_id INTEGER NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (letter_id, client_id)
  );
  `,
  `
  CREATE TABLE paragraph_revisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    letter_id TEXT NOT NULL REFERENCES letters(id),
    paragraph_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    user_id TEXT REFERENCES users(id),
    office_id TEXT,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    content TEXT NOT NULL,
    hash TEXT NOT NULL,
    changes INTEGER NOT NULL,
    related_paragraph_id TEXT,
    restored_from TEXT
  );
  CREATE INDEX paragraph_revisions_by_paragraph ON paragraph_revisions (letter_id, paragraph_id, seq);
  CREATE TABLE letter_versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    letter_id TEXT NOT NULL REFERENCES letters(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    paragraph_count INTEGER NOT NULL,
    document BLOB NOT NULL
  );
  CREATE INDEX letter_versions_by_letter ON letter_versions (letter_id, seq);
  CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_user_id TEXT,
    actor_office_id TEXT,
    letter_id TEXT,
    detail TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX audit_events_by_letter ON audit_events (letter_id, seq);
  `,
  // The number of the letter's latest state message (102), shared by every instance.
  `
  CREATE TABLE letter_state_seq (
    letter_id TEXT PRIMARY KEY REFERENCES letters(id),
    seq INTEGER NOT NULL
  );
  `,
  // An office's own administrator appoints its people and approvers; a guest was created by someone
  // who does not administer the office (a coordinator) and never becomes an approver by default.
  `
  ALTER TABLE users ADD COLUMN is_office_admin INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE users ADD COLUMN is_guest INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- One office signs a letter hash once per signing round (a round begins each time the letter is
  -- marked ready). Signatures recorded before this rule keep no round and are left as they were.
  ALTER TABLE letter_events ADD COLUMN signing_round INTEGER;
  CREATE UNIQUE INDEX letter_events_one_signature_per_hash ON letter_events (letter_id, office_id, letter_hash, signing_round)
    WHERE kind = 'final_signature';
  `,
  // The generation of a letter's stored text: `original` until an operator marks a restore from a
  // backup, which gives every letter a new random one; a client holding another generation is refused.
  `
  ALTER TABLE letters ADD COLUMN text_generation TEXT NOT NULL DEFAULT 'original';
  `,
  // Comment threads, their comments and earlier wordings, who may comment, and offices' reservations (issue 16).
  `
  CREATE TABLE comment_threads (
    id TEXT PRIMARY KEY,
    letter_id TEXT NOT NULL REFERENCES letters(id),
    paragraph_id TEXT NOT NULL,
    anchor_start TEXT,
    anchor_end TEXT,
    quote TEXT NOT NULL,
    status TEXT NOT NULL,
    resolved_by TEXT REFERENCES users(id),
    resolved_at TEXT,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL
  );
  CREATE INDEX comment_threads_by_letter ON comment_threads (letter_id, created_at);
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id),
    letter_id TEXT NOT NULL REFERENCES letters(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    office_id TEXT NOT NULL,
    body TEXT NOT NULL,
    mentions TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    withdrawn_at TEXT
  );
  CREATE INDEX comments_by_letter ON comments (letter_id, created_at);
  CREATE TABLE comment_edits (
    comment_id TEXT NOT NULL REFERENCES comments(id),
    seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    written_at TEXT NOT NULL,
    PRIMARY KEY (comment_id, seq)
  );
  CREATE TABLE letter_comment_settings (
    letter_id TEXT PRIMARY KEY REFERENCES letters(id),
    observers_may_comment INTEGER NOT NULL
  );
  CREATE TABLE reservations (
    id TEXT PRIMARY KEY,
    letter_id TEXT NOT NULL REFERENCES letters(id),
    paragraph_id TEXT NOT NULL,
    office_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    lifted_by TEXT REFERENCES users(id),
    lifted_at TEXT,
    lift_note TEXT
  );
  CREATE INDEX reservations_by_letter ON reservations (letter_id, created_at);
  -- An office holds at most one open reservation of each kind on a paragraph.
  CREATE UNIQUE INDEX reservations_one_open ON reservations (letter_id, paragraph_id, office_id, kind) WHERE lifted_at IS NULL;
  `,
  // Every edit of a letter's details after its creation (rule D2): each field before and after.
  `
  CREATE TABLE letter_details_edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    letter_id TEXT NOT NULL REFERENCES letters(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    changes TEXT NOT NULL
  );
  CREATE INDEX letter_details_edits_by_letter ON letter_details_edits (letter_id, id);
  `,
  // A saved version keeps the letter's details and signatories beside its text, to show it as it was.
  `
  ALTER TABLE letter_versions ADD COLUMN letter_record TEXT;
  `,
  // Deadlines, notifications, preferences, office reminders and scheduled jobs (notifications, issue 18).
  // A letter-wide deadline is stored with office_id '' so that the pair stays a primary key.
  `
  CREATE TABLE notification_deadlines (
    letter_id TEXT NOT NULL REFERENCES letters(id),
    office_id TEXT NOT NULL,
    due_at TEXT NOT NULL,
    set_by TEXT NOT NULL REFERENCES users(id),
    set_at TEXT NOT NULL,
    PRIMARY KEY (letter_id, office_id)
  );
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    letter_id TEXT REFERENCES letters(id),
    title TEXT NOT NULL,
    path TEXT NOT NULL,
    mail TEXT NOT NULL,
    dedupe_key TEXT,
    created_at TEXT NOT NULL,
    read_at TEXT,
    mailed_at TEXT,
    UNIQUE (user_id, dedupe_key)
  );
  CREATE INDEX notifications_by_user ON notifications (user_id, created_at);
  CREATE TABLE notification_preferences (
    user_id TEXT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    delivery TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
  );
  CREATE TABLE office_reminders (
    letter_id TEXT NOT NULL REFERENCES letters(id),
    office_id TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (letter_id, office_id)
  );
  CREATE TABLE scheduled_jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    letter_id TEXT,
    due_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    claimed_until TEXT,
    done_at TEXT,
    gave_up INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE INDEX scheduled_jobs_due ON scheduled_jobs (due_at) WHERE done_at IS NULL;
  `,
  // The interface language a person chose, and the language a letter is written in (issue 17).
  `
  ALTER TABLE users ADD COLUMN language TEXT;
  ALTER TABLE letters ADD COLUMN language TEXT;
  `,
  // A notification's title is stored as what it names (JSON), to be rendered in each reader's
  // language; older rows keep their English title in the title column (issue 17).
  `
  ALTER TABLE notifications ADD COLUMN title_parts TEXT;
  `,
  // A snapshot's state vector, stored with it: loading a letter need not read every item of its snapshot (issue 19).
  `
  ALTER TABLE text_snapshots ADD COLUMN state_vector BLOB;
  `,
];
