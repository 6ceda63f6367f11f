//! Use cases of contacts (see `usecase/mod.rs` for the layer's shape).

use crate::contact::{ContactFilter, contact_number, one_contact};
use crate::{Result, store::Store};

/// The contact a person means on the command line: its number, or a name the search finds
/// exactly one contact for.
pub async fn find_contact(store: &Store, reference: &str) -> Result<i64> {
    if let Some(id) = contact_number(reference) {
        return store.get_contact(id).await.map(|c| c.id);
    }
    let filter = ContactFilter {
        query: Some(reference.trim().to_owned()),
        ..Default::default()
    };
    let found: Vec<i64> = store.list_contacts(&filter).await?.iter().map(|c| c.id).collect();
    one_contact(reference, &found)
}
