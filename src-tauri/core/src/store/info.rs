//! Facts about the data file for the Info view and `netzwerkmappe info`.

use chrono::{DateTime, Utc};

use crate::info::{Info, RecordCount};
use crate::{Result, store::Store};

impl Store {
    pub async fn info(&self, app_version: &str) -> Result<Info> {
        let created_at: Option<String> =
            sqlx::query_scalar("SELECT value FROM app_meta WHERE key = 'created_at'")
                .fetch_optional(&self.pool)
                .await?;
        let schema_version: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.pool)
                .await?;
        Ok(Info {
            app_version: app_version.to_owned(),
            data_file: match self.path() {
                Some(p) => std::path::absolute(p)
                    .unwrap_or_else(|_| p.to_path_buf())
                    .display()
                    .to_string(),
                None => ":memory:".to_owned(),
            },
            sqlite_version: self.sqlite_version().await?,
            schema_version,
            created_at: created_at
                .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
                .map(|d| d.with_timezone(&Utc)),
            counts: self.record_counts().await?,
            data_sources: crate::info::data_sources(),
            warnings: self.warnings(),
        })
    }

    /// What a person should know about how the data file is kept: opened read-only, or lying on
    /// a network drive (SQLite's write-ahead log is not safe there).
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.is_read_only() {
            warnings.push(
                "Die Datendatei ist schreibgeschützt und nur zum Lesen geöffnet: Sie können alles \
                 ansehen und suchen, aber nichts ändern. Bitte lassen Sie den Datenordner und die Datei \
                 für Sie zum Schreiben freigeben (Ihre IT)."
                    .to_owned(),
            );
        }
        if let Some(fs) = self.path().and_then(crate::backup::network_drive) {
            warnings.push(crate::backup::network_drive_warning(&fs));
        }
        warnings
    }

    /// One count per kind of record, in the order the Info view lists them.
    pub async fn record_counts(&self) -> Result<Vec<RecordCount>> {
        let kinds: [(&'static str, &'static str, &'static str); 4] = [
            // Erased people's placeholders are not contacts any more (the list leaves them out too).
            (
                "contacts",
                "Kontakte",
                "SELECT COUNT(*) FROM contacts WHERE anonymised_at IS NULL",
            ),
            (
                "organisations",
                "Organisationen",
                "SELECT COUNT(*) FROM organisations",
            ),
            ("regions", "Regierungsbezirke", "SELECT COUNT(*) FROM regions"),
            (
                "districts",
                "Stadt- und Landkreise",
                "SELECT COUNT(*) FROM districts",
            ),
        ];
        let mut counts = Vec::with_capacity(kinds.len());
        for (key, label, sql) in kinds {
            let count: i64 = sqlx::query_scalar(sql).fetch_one(&self.pool).await?;
            counts.push(RecordCount { key, label, count });
        }
        Ok(counts)
    }
}
