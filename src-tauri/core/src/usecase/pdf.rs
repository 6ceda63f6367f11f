//! "Sitzungsmappe als PDF" (and the Anwesenheitsliste and the Protokoll of a session): the one
//! use case behind the window's "PDF" button and `netzwerkmappe mappe|anwesenheitsliste|protokoll`.
//!
//! It loads the session's facts through the store (`store/pdf.rs`), adds the concept papers on the
//! agenda, their attached PDFs (a damaged one becomes a note instead of failing the dossier) and
//! the cover logo (the one given with the request, else the one the office stored), and builds the
//! document (`crate::pdf`) on a blocking thread: a 100-page dossier must never stall the window's
//! event loop or the runtime's other tasks. Saving is the front-end's: the window asks "Speichern
//! unter" first, the command line writes to the file it was given (`save_session_pdf`).

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use crate::export::write_new_file_at;
use crate::pdf::documents::{PaperAttachment, PaperText};
use crate::pdf::{PdfFile, PdfKind, PdfRequest, SessionPdfData};
use crate::{Error, Result, store::Store};

/// Why an attached PDF is left out of the dossier when its bytes no longer match their checksum.
const DAMAGED_ATTACHMENT: &str =
    "Ihr Inhalt stimmt nicht mehr mit der beim Anhängen gespeicherten Prüfsumme überein.";

/// A built PDF of a session and the file name to suggest for it ("Sitzungsmappe_2026-11-24.pdf").
#[derive(Debug, Clone)]
pub struct SessionPdf {
    pub file_name: String,
    pub file: PdfFile,
}

/// What saving a session's PDF produced.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PdfSaved {
    pub path: String,
    pub pages: usize,
    pub bytes: usize,
    /// Attachments that could not be appended, each with the reason (German, for the message).
    pub notes: Vec<String>,
}

/// The data of session `id` for its Sitzungsmappe, Anwesenheitsliste and Protokoll, with the
/// concept papers linked to the session or its TOPs. `today` decides which action items are overdue.
pub async fn session_pdf_data(store: &Store, id: i64, today: NaiveDate) -> Result<SessionPdfData> {
    let mut data = store.session_pdf_without_papers(id, today).await?;
    data.papers = papers_on_agenda(store, &data).await?;
    Ok(data)
}

/// Builds the requested PDF of session `id`: the facts, the papers, their attached PDFs if the
/// dossier asks for them, and the logo (`request`'s, else the stored one). A problem is reported
/// here, before the window asks where to save.
pub async fn build_session_pdf(
    store: &Store,
    id: i64,
    request: PdfRequest,
    now: DateTime<Utc>,
) -> Result<SessionPdf> {
    let mut request = request;
    let mut data = session_pdf_data(store, id, crate::berlin::today(now)).await?;
    if request.kind == PdfKind::Mappe {
        if request.dossier.attachments {
            load_pdf_attachments(store, &mut data).await?;
        }
        // The dossier carries the logo the office chose ("Logo wählen …") unless the caller brought
        // its own (`mappe … --logo BILD.png`).
        if request.dossier.logo_png.is_none() {
            request.dossier.logo_png = store.logo().await?.map(|logo| logo.png);
        }
    }
    let file_name = request.kind.file_name(&data.session);
    let file = tokio::task::spawn_blocking(move || request.build(&data, now))
        .await
        .map_err(|e| Error::Pdf {
            reason: e.to_string(),
        })??;
    Ok(SessionPdf { file_name, file })
}

/// Builds the requested PDF of session `id` and saves it as the new file `target` (never
/// overwriting): what `netzwerkmappe mappe|anwesenheitsliste|protokoll` does.
pub async fn save_session_pdf(
    store: &Store,
    id: i64,
    request: PdfRequest,
    target: &Path,
    now: DateTime<Utc>,
) -> Result<PdfSaved> {
    let built = build_session_pdf(store, id, request, now).await?;
    write_new_file_at(target, &built.file.bytes)?;
    Ok(PdfSaved {
        path: target.display().to_string(),
        pages: built.file.pages,
        bytes: built.file.bytes.len(),
        notes: built.file.notes,
    })
}

/// The concept papers linked to the session or one of its TOPs (in agenda order, as the store
/// lists them), each once, with the text of its current version; a paper without a version yet
/// has nothing to print.
async fn papers_on_agenda(store: &Store, data: &SessionPdfData) -> Result<Vec<PaperText>> {
    let mut papers = Vec::new();
    let mut seen = Vec::new();
    for link in store.list_papers_for_session(data.session.id).await? {
        if seen.contains(&link.paper_id) {
            continue;
        }
        seen.push(link.paper_id);
        let view = super::papers::get_paper(store, link.paper_id).await?;
        let Some(current) = view.current else { continue };
        let mut details = format!("Version {} · {}", current.number, view.status_label);
        if let Some(field) = &view.paper.handlungsfeld {
            details.push_str(&format!(" · Handlungsfeld {field}"));
        }
        papers.push(PaperText {
            title: current.title.clone(),
            details,
            agenda_number: link
                .agenda_item_id
                .and_then(|i| data.agenda.iter().find(|a| a.id == i))
                .map(|a| a.number.clone()),
            attachments: view
                .attachments
                .iter()
                // The paper's own attachments and its current version's; an older version's
                // belong to that version.
                .filter(|a| a.version_id.is_none_or(|v| v == current.id))
                .map(|a| PaperAttachment {
                    id: a.id,
                    file_name: a.file_name.clone(),
                    media_type: a.media_type.clone(),
                    content: None,
                })
                .collect(),
            body: current.document,
        });
    }
    Ok(papers)
}

/// Loads the bytes of the papers' PDF attachments into `data`, each checked against its
/// checksum: a damaged one is kept with its reason, so the dossier says which one is missing
/// instead of failing as a whole.
pub async fn load_pdf_attachments(store: &Store, data: &mut SessionPdfData) -> Result<()> {
    for paper in &mut data.papers {
        for attachment in paper.attachments.iter_mut().filter(|a| a.is_pdf()) {
            attachment.content = Some(match super::papers::read_attachment(store, attachment.id).await {
                Ok(file) => Ok(file.data),
                // The store refuses bytes that fail their checksum as `Validation`.
                Err(Error::Validation { .. }) => Err(DAMAGED_ATTACHMENT.to_string()),
                Err(other) => return Err(other),
            });
        }
    }
    Ok(())
}
