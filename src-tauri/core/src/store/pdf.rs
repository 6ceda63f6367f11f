//! Loads what the PDFs of a session need in one go: the session, its agenda, participants with the
//! Kreis of their organisation, the minutes, the previous session's minutes and the open action
//! items. The documents themselves are built in `pdf::documents`; nothing here decides layout.

use chrono::NaiveDate;

use super::agenda::agenda_of;
use super::participants::participants_of;
use super::sessions::load_session;
use crate::minutes::{ActionItemFilter, ActionStatus};
use crate::pdf::documents::{PaperAttachment, PaperText, PdfParticipant, PreviousMinutes, SessionPdfData};
use crate::{Result, Store};

impl Store {
    /// The data of session `id` for its Sitzungsmappe, Anwesenheitsliste and Protokoll. `today`
    /// decides which open action items are overdue.
    pub async fn session_pdf_data(&self, id: i64, today: NaiveDate) -> Result<SessionPdfData> {
        let mut conn = self.pool.acquire().await?;
        let session = load_session(&mut conn, id).await?;
        let agenda = agenda_of(&mut conn, id).await?;
        let people = participants_of(&mut conn, id).await?;
        // The Kreis of each participant's organisation (today's; the snapshot has no Kreis).
        let districts: Vec<(i64, Option<String>)> = sqlx::query_as(
            "SELECT p.id, d.name FROM session_participants p
             LEFT JOIN contacts c ON c.id = p.contact_id
             LEFT JOIN organisations o ON o.id = c.organisation_id
             LEFT JOIN districts d ON d.ags = o.district_ags
             WHERE p.session_id = ?1",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let participants = people
            .into_iter()
            .map(|p| PdfParticipant {
                district: districts
                    .iter()
                    .find(|(pid, _)| *pid == p.id)
                    .and_then(|(_, d)| d.clone()),
                name: p.name,
                function: p.function,
                organisation: p.organisation,
                status: p.status,
            })
            .collect();
        // The previous session's minutes: the latest earlier session, not cancelled, whose minutes
        // are approved (issue 12: a draft is not handed out; its heading names the date, so an
        // older approved protocol is recognisable as such).
        let previous_id: Option<i64> = sqlx::query_scalar(
            "SELECT s.id FROM sessions s JOIN minutes m ON m.session_id = s.id
             WHERE s.status != 'abgesagt' AND m.status = 'freigegeben'
               AND (s.date, s.start_time, s.id) < (?1, ?2, ?3)
             ORDER BY s.date DESC, s.start_time DESC, s.id DESC LIMIT 1",
        )
        .bind(&session.date)
        .bind(&session.start_time)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        drop(conn);
        let minutes = self.get_minutes(id).await?;
        let previous = match previous_id {
            Some(previous) => Some(PreviousMinutes {
                session: self.get_session(previous).await?,
                agenda: self.list_agenda(previous).await?,
                minutes: self.get_minutes(previous).await?,
            }),
            None => None,
        };
        let filter = ActionItemFilter {
            status: Some(ActionStatus::Offen),
            ..ActionItemFilter::default()
        };
        let open_action_items = self.list_action_items(&filter, today).await?;
        // The concept papers linked to the session or one of its TOPs (in agenda order, as the
        // store lists them), each once, with the text of its current version.
        let mut papers = Vec::new();
        let mut seen = Vec::new();
        for link in self.list_papers_for_session(id).await? {
            if seen.contains(&link.paper_id) {
                continue;
            }
            seen.push(link.paper_id);
            let view = self.get_paper(link.paper_id).await?;
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
                    .and_then(|i| agenda.iter().find(|a| a.id == i))
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
        Ok(SessionPdfData {
            session,
            agenda,
            participants,
            minutes,
            previous,
            open_action_items,
            papers,
        })
    }
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

impl Store {
    /// Builds the requested PDF of session `id` and saves it as the new file `target` (never
    /// overwriting): what the window's export and `netzwerkmappe mappe|anwesenheitsliste|protokoll` do.
    pub async fn save_session_pdf(
        &self,
        id: i64,
        request: &crate::pdf::PdfRequest,
        target: &std::path::Path,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<PdfSaved> {
        let mut data = self.session_pdf_data(id, crate::berlin::today(now)).await?;
        if request.kind == crate::pdf::PdfKind::Mappe && request.dossier.attachments {
            self.load_pdf_attachments(&mut data).await?;
        }
        let file = request.build(&data, now)?;
        crate::export::write_new_file_at(target, &file.bytes)?;
        Ok(PdfSaved {
            path: target.display().to_string(),
            pages: file.pages,
            bytes: file.bytes.len(),
            notes: file.notes,
        })
    }

    /// Loads the bytes of the papers' PDF attachments into `data`, each checked against its
    /// checksum: a damaged one is kept with its reason, so the dossier says which one is missing
    /// instead of failing as a whole.
    pub async fn load_pdf_attachments(&self, data: &mut SessionPdfData) -> Result<()> {
        for paper in &mut data.papers {
            for attachment in paper.attachments.iter_mut().filter(|a| a.is_pdf()) {
                attachment.content = Some(match self.read_attachment(attachment.id).await {
                    Ok(file) => Ok(file.data),
                    Err(crate::Error::Validation { .. }) => Err(
                        "Ihr Inhalt stimmt nicht mehr mit der beim Anhängen gespeicherten Prüfsumme überein."
                            .to_string(),
                    ),
                    Err(other) => return Err(other),
                });
            }
        }
        Ok(())
    }
}
