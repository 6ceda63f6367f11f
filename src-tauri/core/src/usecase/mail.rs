//! "E-Mail schreiben" for the contacts matching a filter: the office's batch size and the list
//! from the store, the outcome (BCC draft, or the question how to split) from `crate::mail`.

use crate::contact::ContactFilter;
use crate::mail::{MailOutcome, mail_outcome};
use crate::{Result, store::Store};

/// "E-Mail schreiben" for the contacts matching `filter` (a selection or the filtered list); with
/// `batch`, that message of a list too long for one.
pub async fn prepare_mail(
    store: &Store,
    filter: &ContactFilter,
    batch: Option<usize>,
) -> Result<MailOutcome> {
    let batch_size = usize::try_from(store.settings().await?.mail_batch_size).unwrap_or(usize::MAX);
    mail_outcome(&store.list_contacts(filter).await?, batch_size, batch)
}
