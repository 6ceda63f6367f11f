//! Use cases of organisations (see `usecase/mod.rs` for the layer's shape).

use crate::organisation::{
    Organisation, OrganisationReference, no_organisation_numbered, one_organisation_starting,
};
use crate::{Error, Result, store::Store};

/// An organisation as people name it on the command line: its number ("12"), its full name,
/// or the beginning of its name when only one organisation starts so (case- and
/// umlaut-insensitive: "landratsamt tub" finds "Landratsamt Tübingen"). A German message
/// names what did not match, or the candidates when the beginning fits several.
pub async fn find_organisation(store: &Store, reference: &str) -> Result<Organisation> {
    let name = match OrganisationReference::parse(reference)? {
        OrganisationReference::Number(id) => {
            return match store.get_organisation(id).await {
                Err(Error::NotFound { .. }) => Err(no_organisation_numbered(id)),
                other => other,
            };
        }
        OrganisationReference::Name(name) => name,
    };
    if let Some(id) = store.find_organisation_by_name(&name).await? {
        return store.get_organisation(id).await;
    }
    // Four are enough to tell "one", "several" and "more than three" apart.
    let starts = store.organisations_starting(&name, 4).await?;
    let id = one_organisation_starting(&name, &starts)?;
    store.get_organisation(id).await
}
