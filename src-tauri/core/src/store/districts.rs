//! Queries on the shipped reference data: Regierungsbezirke and Stadt-/Landkreise.

use crate::district::{District, DistrictFilter, Region};
use crate::{Error, Result, store::Store};

impl Store {
    /// The four Regierungsbezirke, by official key.
    pub async fn list_regions(&self) -> Result<Vec<Region>> {
        Ok(
            sqlx::query_as::<_, Region>("SELECT code, name FROM regions ORDER BY code")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Districts by Kreisschlüssel, optionally only those of one Regierungsbezirk.
    /// An unknown Regierungsbezirk is a validation error rather than an empty list, so a typo in a
    /// script is noticed.
    pub async fn list_districts(&self, filter: &DistrictFilter) -> Result<Vec<District>> {
        let region = filter
            .region_code
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty());
        if let Some(code) = region {
            let known: Option<String> = sqlx::query_scalar("SELECT code FROM regions WHERE code = ?1")
                .bind(code)
                .fetch_optional(&self.pool)
                .await?;
            if known.is_none() {
                return Err(Error::validation(
                    "Regierungsbezirk",
                    format!("„{code}“ ist kein Regierungsbezirk in Baden-Württemberg (081 bis 084)."),
                ));
            }
        }
        Ok(sqlx::query_as::<_, District>(
            "SELECT d.ags, d.name, d.kind, d.region_code, r.name AS region_name
             FROM districts d JOIN regions r ON r.code = d.region_code
             WHERE ?1 IS NULL OR d.region_code = ?1
             ORDER BY d.ags",
        )
        .bind(region)
        .fetch_all(&self.pool)
        .await?)
    }
}
