//! SQL for the office's settings (`settings.rs` says what they are and allows their values).

use chrono::{DateTime, Utc};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;

use super::write::timestamp;
use crate::settings::{KEY_LOGO_NAME, KEY_LOGO_PNG, Logo, Settings, check_logo};
use crate::{Result, store::Store};

impl Store {
    /// The current settings; defaults for everything never changed.
    pub async fn settings(&self) -> Result<Settings> {
        let rows: Vec<(String, String)> = sqlx::query_as("SELECT key, value FROM settings WHERE key <> ?1")
            .bind(KEY_LOGO_PNG)
            .fetch_all(&self.pool)
            .await?;
        Ok(Settings::from_rows(&rows))
    }

    /// Checks and stores all settings in one transaction; returns them as now stored.
    pub async fn update_settings(&self, settings: Settings, now: DateTime<Utc>) -> Result<Settings> {
        let settings = settings.validated()?;
        let mut tx = self.begin_write().await?;
        for (key, value) in settings.to_rows() {
            sqlx::query(
                "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            )
            .bind(key)
            .bind(value)
            .bind(timestamp(now))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.settings().await
    }

    /// The stored cover logo, if the office chose one.
    pub async fn logo(&self) -> Result<Option<Logo>> {
        let stored: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?1")
            .bind(KEY_LOGO_PNG)
            .fetch_optional(&self.pool)
            .await?;
        // A value edited by hand that no longer decodes counts as "no logo", as other settings fall
        // back to their default.
        let Some(png) = stored.and_then(|text| BASE64.decode(text).ok()) else {
            return Ok(None);
        };
        let name: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?1")
            .bind(KEY_LOGO_NAME)
            .fetch_optional(&self.pool)
            .await?;
        Ok(Some(Logo {
            name: name.unwrap_or_else(|| "Logo.png".into()),
            png,
        }))
    }

    /// Checks and stores the cover logo (bytes and file name) in one transaction, replacing an
    /// earlier one.
    pub async fn set_logo(&self, name: &str, png: Vec<u8>, now: DateTime<Utc>) -> Result<Logo> {
        check_logo(&png)?;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(KEY_LOGO_PNG)
        .bind(BASE64.encode(&png))
        .bind(timestamp(now))
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(KEY_LOGO_NAME)
        .bind(name)
        .bind(timestamp(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Logo {
            name: name.to_string(),
            png,
        })
    }

    /// Forgets the cover logo ("Logo entfernen").
    pub async fn remove_logo(&self) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM settings WHERE key IN (?1, ?2)")
            .bind(KEY_LOGO_PNG)
            .bind(KEY_LOGO_NAME)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
