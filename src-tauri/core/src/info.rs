//! What the Info view and `netzwerkmappe info` show: version, data file, SQLite, record counts.

use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Info {
    pub app_version: String,
    /// Absolute path of the data file, or ":memory:" for in-memory stores (tests).
    pub data_file: String,
    pub sqlite_version: String,
    /// Version (timestamp) of the newest migration applied to the data file.
    pub schema_version: i64,
    /// When this data file was first created.
    pub created_at: Option<DateTime<Utc>>,
    pub counts: Vec<RecordCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordCount {
    /// Stable key, e.g. "districts".
    pub key: &'static str,
    /// German label, e.g. "Stadt- und Landkreise".
    pub label: &'static str,
    pub count: i64,
}
