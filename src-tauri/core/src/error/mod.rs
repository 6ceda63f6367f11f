//! The one error type of the core. Its `Display` is the German message a person can act on;
//! `code()` is the stable, English identifier front-ends branch on (never on the message).

use std::path::PathBuf;

use serde::Serialize;

/// Stable identifiers for the kinds of failure. Serialized as-is into `{code, message}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ErrorCode {
    /// The user has to fix one or more inputs; the payload's `field`/`fields` name them.
    Validation,
    /// A record that was asked for does not exist (any more).
    NotFound,
    /// The record was changed elsewhere since it was read; the save was refused (reload it).
    Conflict,
    /// The data file exists but is not a healthy SQLite database; it was left untouched.
    DamagedDatabase,
    /// The data file was written by a newer Netzwerkmappe than this one.
    NewerDatabase,
    /// The SQLite library is older than the version we trust (WAL-reset bug before 3.51.3).
    SqliteTooOld,
    /// Another program holds the data file locked for too long.
    Busy,
    /// The disk is full; nothing was written.
    DiskFull,
    /// A file or folder could not be read or written.
    Io,
    /// The data file or its folder cannot be written (SQLite 8, 1544); reading still works.
    ReadOnly,
    /// The data file (or its `-shm`/`-wal` companion) cannot be opened (SQLite 14, 4874).
    CannotOpen,
    /// The disk reported a read or write failure (SQLite 10); the last change was not stored.
    DiskIo,
    /// Any other database failure.
    Database,
    /// A PDF could not be built (a damaged logo image, a broken built-in font).
    Pdf,
}

/// The oldest SQLite we accept. Versions before 3.51.3 can corrupt a WAL database when the WAL is
/// reset while another connection writes (fixed upstream in 3.51.3).
pub const MIN_SQLITE_VERSION: (u32, u32, u32) = (3, 51, 3);

/// One wrong input: the German field label as the form shows it ("Nachname") and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    /// For fields a form has several of (e-mail addresses, phone numbers): which one, counted
    /// from 0 over the values sent (empty ones are not sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
            index: None,
        }
    }

    /// The `index`-th of several fields with the same label.
    pub fn at(mut self, index: usize) -> Self {
        self.index = Some(index);
        self
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One input is wrong. Kept as its own variant (not a one-element `Fields`) because most
    /// callers (imports, single settings) only ever have one, and match on `{ field, .. }`.
    #[error("{field}: {message}")]
    Validation { field: String, message: String },

    /// Several inputs of one form are wrong at once; all are reported so a person fixes them in
    /// one go instead of one per save. Never empty (see [`Error::from_fields`]).
    #[error("{}", list_fields(.0))]
    Fields(Vec<FieldError>),

    /// A problem in one row of a table file or one card of a vCard file. `position_label` says
    /// which ("Zeile 14", "Karte 3"); `position` is the number front-ends may branch or jump on.
    #[error("{position_label}: {source}")]
    AtPosition {
        position: u64,
        position_label: String,
        source: Box<Error>,
    },

    #[error("{what} wurde nicht gefunden. Vielleicht wurde der Eintrag inzwischen gelöscht.")]
    NotFound { what: String },

    /// A stale save: the record's stored version is newer than the one the form was filled from.
    /// `what` is the record in the nominative ("Der Kontakt"), `which` in the accusative ("den Kontakt").
    #[error(
        "{what} wurde inzwischen an anderer Stelle geändert. Ihre Änderungen wurden nicht gespeichert; \
         bitte laden Sie {which} neu."
    )]
    Conflict { what: String, which: String },

    #[error(
        "Die Datendatei „{}“ ist beschädigt und wurde deshalb nicht geöffnet; sie wurde nicht verändert. \
         Bitte stellen Sie eine Sicherung wieder her oder wenden Sie sich an Ihre IT. Befund: {}",
        path.display(), finding.describe()
    )]
    DamagedDatabase {
        path: PathBuf,
        finding: DamageFinding,
        /// SQLite's own (English) words, for logs and IT staff; not part of the message.
        technical: String,
    },

    #[error(
        "Die Datendatei „{}“ wurde mit einer neueren Version von Netzwerkmappe bearbeitet. \
         Bitte installieren Sie die aktuelle Version; die Datei wurde nicht verändert.",
        path.display()
    )]
    NewerDatabase { path: PathBuf },

    #[error(
        "Die eingebaute SQLite-Version {found} ist zu alt (mindestens {}.{}.{} ist nötig, ältere Versionen \
         können die Datendatei beschädigen). Bitte installieren Sie Netzwerkmappe neu.",
        MIN_SQLITE_VERSION.0, MIN_SQLITE_VERSION.1, MIN_SQLITE_VERSION.2
    )]
    SqliteTooOld { found: String },

    #[error(
        "Die Datendatei wird gerade von einem anderen Programm benutzt. Bitte schließen Sie andere \
         Netzwerkmappe-Fenster und versuchen Sie es erneut."
    )]
    Busy,

    #[error(
        "Der Datenträger ist voll. Es wurde nichts gespeichert; bitte schaffen Sie Platz und versuchen Sie es erneut."
    )]
    DiskFull,

    #[error(
        "Die Datendatei ist schreibgeschützt: Änderungen können nicht gespeichert werden, Ansehen und \
         Suchen gehen weiter. Bitte lassen Sie den Datenordner und die Datei für Sie zum Schreiben \
         freigeben (Ihre IT) oder wählen Sie einen anderen Datenordner."
    )]
    ReadOnly,

    #[error(
        "Die Datendatei konnte nicht geöffnet werden. Bitte prüfen Sie, ob der Datenordner vorhanden \
         ist und Sie darin lesen und schreiben dürfen, oder wenden Sie sich an Ihre IT."
    )]
    CannotOpen,

    #[error(
        "Die Datendatei kann nicht geöffnet werden, weil ihre Hilfsdatei („-shm“) im Datenordner nicht \
         angelegt werden kann. Bitte prüfen Sie die Schreibrechte im Datenordner; liegt er auf einem \
         Netzlaufwerk, legen Sie ihn auf die eigene Festplatte."
    )]
    SharedMemory,

    #[error(
        "Der Datenträger meldet einen Lese- oder Schreibfehler; die letzte Änderung wurde nicht \
         gespeichert. Bitte prüfen Sie, ob der Datenträger (USB-Stick, Netzlaufwerk) noch verbunden \
         ist, und wenden Sie sich an Ihre IT, wenn der Fehler bleibt."
    )]
    DiskIo,

    #[error("{context}: {}", german_io_reason(source))]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "Die Datenbank meldet einen Fehler; es wurde nichts Unvollständiges gespeichert. Bitte versuchen Sie \
         es erneut und wenden Sie sich an Ihre IT, wenn der Fehler bleibt. (Technisch: {0})"
    )]
    Database(String),

    #[error("Das PDF konnte nicht erstellt werden: {reason}")]
    Pdf { reason: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What was found wrong with a data file, in words a person can pass on to IT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DamageFinding {
    /// SQLite does not recognise the file at all (SQLITE_NOTADB).
    NotADatabase,
    /// The file is a database, but its structure check failed (quick_check / SQLITE_CORRUPT).
    StructureCheckFailed,
    /// The file is empty (0 bytes): its content was lost, e.g. by a failed copy or a full disk.
    Empty,
    /// The full `integrity_check` found an error `quick_check` does not look for (an index that
    /// no longer matches its table).
    IntegrityCheckFailed,
}

impl DamageFinding {
    pub fn describe(self) -> &'static str {
        match self {
            DamageFinding::NotADatabase => "Die Datei ist keine SQLite-Datenbank.",
            DamageFinding::StructureCheckFailed => "Die Strukturprüfung der Datenbank hat Fehler gefunden.",
            DamageFinding::Empty => "Die Datei ist leer (0 Byte); ihr Inhalt ist verloren gegangen.",
            DamageFinding::IntegrityCheckFailed => {
                "Die vollständige Prüfung hat Fehler gefunden (ein Suchverzeichnis der Datenbank passt nicht zu ihren Daten)."
            }
        }
    }
}

/// "Bitte prüfen Sie 2 Angaben: Nachname: … E-Mail-Adresse: …"
fn list_fields(errors: &[FieldError]) -> String {
    if let [only] = errors {
        return only.to_string();
    }
    let items: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!(
        "Bitte prüfen Sie {}: {}",
        crate::format::count(errors.len(), crate::format::Noun::Angabe),
        items.join(" ")
    )
}

/// What every front-end hands on: the window receives it from a failed command, the CLI prints it
/// with `--json`. `code` is for branching, `message` only for showing; `field`, `fields` and
/// `position` are data for placing the message (at a form field, at an import row), so no
/// front-end ever reads them out of the German text. Absent members are left out of the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    /// The (first) field the error is about, as the form labels it ("Nachname").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every field error of a validation error (also a single one), in form order; else absent.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
    /// The row (table file) or card (vCard) number of an import error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<u64>,
    /// "Zeile 14" / "Karte 3", as the preview and the CLI name the position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position_label: Option<String>,
}

impl From<&Error> for ErrorPayload {
    fn from(err: &Error) -> Self {
        let fields = err.field_errors();
        let (position, position_label) = match err {
            Error::AtPosition {
                position,
                position_label,
                ..
            } => (Some(*position), Some(position_label.clone())),
            _ => (None, None),
        };
        ErrorPayload {
            code: err.code(),
            message: err.to_string(),
            field: fields.first().map(|f| f.field.clone()),
            fields,
            position,
            position_label,
        }
    }
}

impl From<Error> for ErrorPayload {
    fn from(err: Error) -> Self {
        ErrorPayload::from(&err)
    }
}

impl std::fmt::Display for ErrorPayload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Validation { .. } | Error::Fields(_) => ErrorCode::Validation,
            Error::AtPosition { source, .. } => source.code(),
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Conflict { .. } => ErrorCode::Conflict,
            Error::DamagedDatabase { .. } => ErrorCode::DamagedDatabase,
            Error::NewerDatabase { .. } => ErrorCode::NewerDatabase,
            Error::SqliteTooOld { .. } => ErrorCode::SqliteTooOld,
            Error::Busy => ErrorCode::Busy,
            Error::DiskFull => ErrorCode::DiskFull,
            Error::Io { .. } => ErrorCode::Io,
            Error::ReadOnly => ErrorCode::ReadOnly,
            Error::CannotOpen | Error::SharedMemory => ErrorCode::CannotOpen,
            Error::DiskIo => ErrorCode::DiskIo,
            Error::Database(_) => ErrorCode::Database,
            Error::Pdf { .. } => ErrorCode::Pdf,
        }
    }

    /// A validation error for one named field (the German field label, as the UI shows it).
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Validation {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The result of checking a whole form: `None` when nothing is wrong, the plain
    /// [`Error::Validation`] for one problem in a single field, else [`Error::Fields`].
    pub fn from_fields(mut errors: Vec<FieldError>) -> Option<Self> {
        match errors.as_slice() {
            [] => None,
            [only] if only.index.is_none() => errors.pop().map(|e| Error::Validation {
                field: e.field,
                message: e.message,
            }),
            _ => Some(Error::Fields(errors)),
        }
    }

    /// Every field this error is about, in form order (empty for errors that are not about input).
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            Error::Validation { field, message } => vec![FieldError::new(field, message)],
            Error::Fields(errors) => errors.clone(),
            Error::AtPosition { source, .. } => source.field_errors(),
            _ => Vec::new(),
        }
    }

    /// This error as found in row/card `position` of an import file ("Zeile 14", "Karte 3").
    pub fn at_position(self, position: u64, position_label: impl Into<String>) -> Self {
        Error::AtPosition {
            position,
            position_label: position_label.into(),
            source: Box::new(self),
        }
    }

    /// An I/O error with a German sentence saying what was being done.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::StorageFull {
            return Error::DiskFull;
        }
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

/// The operating system's reason in German (its own text is English on most systems).
fn german_io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match err.kind() {
        K::NotFound => "Die Datei oder der Ordner existiert nicht.".into(),
        K::PermissionDenied => "Keine Berechtigung (Zugriff verweigert).".into(),
        K::AlreadyExists => "Es gibt schon eine Datei mit diesem Namen.".into(),
        K::IsADirectory => "Das ist ein Ordner, keine Datei.".into(),
        K::NotADirectory => "Ein Teil des Pfads ist eine Datei, kein Ordner.".into(),
        K::ReadOnlyFilesystem => "Der Datenträger ist schreibgeschützt.".into(),
        K::InvalidData => "Der Inhalt ist beschädigt oder hat ein unbekanntes Format.".into(),
        _ => format!("Systemfehler ({err})."),
    }
}

/// SQLite primary result codes we translate into specific messages.
/// See <https://sqlite.org/rescode.html>.
const SQLITE_BUSY: &str = "5";
const SQLITE_LOCKED: &str = "6";
const SQLITE_READONLY: &str = "8";
const SQLITE_IOERR: &str = "10";
const SQLITE_CANTOPEN: &str = "14";
/// SQLITE_IOERR_SHMOPEN: the `-shm` file of a WAL database could not be opened (read-only folder,
/// some network drives). Checked on the extended code, before it is reduced to SQLITE_IOERR.
const SQLITE_IOERR_SHMOPEN: &str = "4874";
const SQLITE_CORRUPT: &str = "11";
const SQLITE_FULL: &str = "13";
const SQLITE_NOTADB: &str = "26";

/// Primary result code (the low byte) of an extended SQLite code string, e.g. "261" → "5".
fn primary_code(code: &str) -> Option<String> {
    code.parse::<i64>().ok().map(|c| (c & 0xff).to_string())
}

impl From<sqlx::Error> for Error {
    fn from(err: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &err
            && let Some(extended) = db.code()
            && let Some(code) = primary_code(&extended)
        {
            if extended == SQLITE_IOERR_SHMOPEN {
                return Error::SharedMemory;
            }
            match code.as_str() {
                SQLITE_BUSY | SQLITE_LOCKED => return Error::Busy,
                SQLITE_FULL => return Error::DiskFull,
                SQLITE_READONLY => return Error::ReadOnly,
                SQLITE_CANTOPEN => return Error::CannotOpen,
                SQLITE_IOERR => return Error::DiskIo,
                SQLITE_CORRUPT | SQLITE_NOTADB => {
                    let finding = if code == SQLITE_NOTADB {
                        DamageFinding::NotADatabase
                    } else {
                        DamageFinding::StructureCheckFailed
                    };
                    return Error::DamagedDatabase {
                        path: PathBuf::new(),
                        finding,
                        technical: db.message().to_owned(),
                    };
                }
                _ => {}
            }
        }
        if let sqlx::Error::PoolTimedOut = err {
            return Error::Busy;
        }
        if let sqlx::Error::Io(io) = err {
            return Error::io("Die Datendatei konnte nicht gelesen oder geschrieben werden", io);
        }
        Error::Database(err.to_string())
    }
}

impl From<sqlx::migrate::MigrateError> for Error {
    fn from(err: sqlx::migrate::MigrateError) -> Self {
        match err {
            sqlx::migrate::MigrateError::Execute(e) => e.into(),
            other => Error::Database(other.to_string()),
        }
    }
}

/// Is `found` (e.g. "3.51.3") at least [`MIN_SQLITE_VERSION`]? Unparseable versions are too old.
pub fn sqlite_version_is_supported(found: &str) -> bool {
    let mut parts = found.trim().split('.').map(|p| p.parse::<u32>().ok());
    match (
        parts.next().flatten(),
        parts.next().flatten(),
        parts.next().flatten().or(Some(0)),
    ) {
        (Some(a), Some(b), Some(c)) => (a, b, c) >= MIN_SQLITE_VERSION,
        _ => false,
    }
}

#[cfg(test)]
mod tests;
