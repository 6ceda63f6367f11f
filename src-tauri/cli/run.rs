//! Running a parsed subcommand: open the store, call the same core functions as the window, print
//! the result, and turn the outcome into the exit code (0 done, 1 failed).

use std::path::Path;
use std::process::ExitCode;

use netzwerkmappe_core::berlin::today;
use netzwerkmappe_core::contact::ContactFilter;
use netzwerkmappe_core::district::{DistrictFilter, find_region};
use netzwerkmappe_core::export::write_new_file_at;
use netzwerkmappe_core::import::plan::ImportPreview;
use netzwerkmappe_core::minutes::ActionItemFilter;
use netzwerkmappe_core::paths::{DATA_DIR_ENV, resolve_data_dir};
use netzwerkmappe_core::pdf::{AttendanceOptions, DossierOptions, DossierPart, PdfKind, PdfRequest};
use netzwerkmappe_core::session::SessionFilter;
use netzwerkmappe_core::usecase;
use netzwerkmappe_core::usecase::pdf::save_session_pdf;
use netzwerkmappe_core::{Error, ErrorPayload, store::Store};

use super::args::CliCommand;
use super::render;

/// What a subcommand printed, and the error to report after it when it did not achieve its goal
/// (an import where every row failed prints its preview and still exits 1).
struct Report {
    output: String,
    failure: Option<Error>,
}

impl From<String> for Report {
    fn from(output: String) -> Self {
        Report {
            output,
            failure: None,
        }
    }
}

/// Runs a subcommand; prints German results or a German error.
pub fn run(command: CliCommand, data_dir_flag: Option<&Path>) -> ExitCode {
    let json = command.json();
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            return fail(
                &Error::io("Die Laufzeitumgebung konnte nicht gestartet werden", e),
                json,
            );
        }
    };
    match runtime.block_on(execute(command, data_dir_flag)) {
        Ok(report) => {
            print!("{}", report.output);
            match report.failure {
                None => ExitCode::SUCCESS,
                Some(e) => fail(&e, json),
            }
        }
        Err(e) => fail(&e, json),
    }
}

fn fail(e: &Error, json: bool) -> ExitCode {
    if json {
        let payload = ErrorPayload::from(e);
        eprintln!(
            "{}",
            serde_json::to_string(&payload).unwrap_or_else(|_| payload.message.clone())
        );
    } else {
        eprintln!("Fehler: {e}");
    }
    ExitCode::FAILURE
}

async fn open_store(data_dir_flag: Option<&Path>) -> Result<Store, Error> {
    let dir = resolve_data_dir(data_dir_flag, std::env::var_os(DATA_DIR_ENV))?;
    Store::open(&dir.data_file()).await
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Error::Database(format!("JSON-Ausgabe fehlgeschlagen: {e}")))
}

async fn execute(command: CliCommand, data_dir_flag: Option<&Path>) -> Result<Report, Error> {
    let store = open_store(data_dir_flag).await?;
    let report = execute_on(&store, command).await;
    // Closing checkpoints the WAL, also after a failed command.
    store.close().await;
    report
}

async fn execute_on(store: &Store, command: CliCommand) -> Result<Report, Error> {
    Ok(match command {
        CliCommand::Info { json } => {
            let info = store.info(crate::identity::APP_VERSION).await?;
            Report::from(if json {
                to_json(&info)?
            } else {
                render::info(&info)
            })
        }
        CliCommand::Kreise { region, json } => {
            let region_code = match region {
                Some(input) => Some(region_code(store, &input).await?),
                None => None,
            };
            let districts = store.list_districts(&DistrictFilter { region_code }).await?;
            Report::from(if json {
                to_json(&districts)?
            } else {
                render::districts(&districts)
            })
        }
        CliCommand::Import {
            file,
            dry_run,
            duplicates,
            json,
        } => {
            let bytes = crate::files::read_user_file(&file)?;
            let preview = usecase::import::preview_import(store, &bytes, None).await?;
            let failure = nothing_importable(&preview);
            let summary = if dry_run || failure.is_some() {
                None
            } else {
                Some(
                    usecase::import::apply_import(store, &bytes, None, duplicates, true, chrono::Utc::now())
                        .await?,
                )
            };
            let output = if json {
                to_json(&serde_json::json!({ "vorschau": preview, "ergebnis": summary }))?
            } else {
                render::import(&file, &preview, summary.as_ref())
            };
            Report { output, failure }
        }
        CliCommand::Export { file, query, json } => {
            let filter = ContactFilter {
                query,
                ..ContactFilter::default()
            };
            let outcome =
                usecase::export::save_contacts(store, file.format, &filter, &[], &file.path).await?;
            Report::from(if json {
                to_json(&outcome)?
            } else {
                render::export(&outcome)
            })
        }
        CliCommand::Demo { json } => {
            let summary = netzwerkmappe_core::usecase::demo::fill(store, chrono::Utc::now()).await?;
            Report::from(if json {
                to_json(&summary)?
            } else {
                render::demo(&summary)
            })
        }
        CliCommand::Sitzungen { query, json } => {
            let filter = SessionFilter {
                query,
                ..SessionFilter::default()
            };
            let sessions = store.list_sessions(&filter, today(chrono::Utc::now())).await?;
            Report::from(if json {
                to_json(&sessions)?
            } else {
                render::sessions(&sessions)
            })
        }
        CliCommand::Aufgaben {
            overdue,
            organisation,
            json,
        } => {
            let owner_organisation_id = match organisation {
                Some(reference) => Some(
                    usecase::organisations::find_organisation(store, &reference)
                        .await?
                        .id,
                ),
                None => None,
            };
            let filter = ActionItemFilter {
                overdue_only: overdue,
                owner_organisation_id,
                ..ActionItemFilter::default()
            };
            let items = store
                .list_action_items(&filter, today(chrono::Utc::now()))
                .await?;
            Report::from(if json {
                to_json(&items)?
            } else {
                render::action_items(&items, overdue)
            })
        }
        CliCommand::Papiere { query, json } => {
            let filter = netzwerkmappe_core::paper::PaperFilter {
                text: query,
                ..Default::default()
            };
            let papers = store.list_papers(&filter).await?;
            Report::from(if json {
                to_json(&papers)?
            } else {
                render::papers(&papers)
            })
        }
        CliCommand::Ics { session, file, json } => {
            let now = chrono::Utc::now();
            let found = usecase::sessions::find_session(store, &session, today(now)).await?;
            let text = usecase::sessions::session_ics(store, found.id, now).await?;
            write_new_file_at(&file, text.as_bytes())?;
            Report::from(if json {
                to_json(&serde_json::json!({
                    "sitzung": found.id,
                    "titel": found.title,
                    "datei": file.display().to_string(),
                }))?
            } else {
                render::ics(&found, &file)
            })
        }
        CliCommand::Sichern { file, json } => {
            let made = usecase::backup::write_backup(store, &file).await?;
            usecase::backup::note_backup(store, &made, false, chrono::Utc::now()).await?;
            Report::from(if json {
                to_json(&made)?
            } else {
                render::backup(&made)
            })
        }
        CliCommand::Pruefen { json } => {
            let check = store.integrity_check().await?;
            let path = store.path().unwrap_or(Path::new(""));
            let file = std::path::absolute(path)
                .unwrap_or_else(|_| path.to_path_buf())
                .display()
                .to_string();
            let warnings = store.warnings();
            let output = if json {
                to_json(&serde_json::json!({
                    "datei": file,
                    "ok": check.ok,
                    "meldung": check.message,
                    "technisch": check.technical,
                    "warnungen": warnings,
                }))?
            } else {
                render::check(&file, &check, &warnings)
            };
            let failure = (!check.ok).then(|| check.into_error(path));
            Report { output, failure }
        }
        CliCommand::Auskunft { contact, file, json } => {
            let id = usecase::contacts::find_contact(store, &contact).await?;
            let saved = usecase::privacy::save_subject_access(store, id, &file, chrono::Utc::now()).await?;
            Report::from(if json {
                to_json(&serde_json::json!({ "kontakt": id, "json": saved.json, "text": saved.text }))?
            } else {
                render::subject_access(id, &saved)
            })
        }
        CliCommand::Mappe {
            session,
            file,
            without_cover,
            without_toc,
            without_agenda,
            without_participants,
            without_previous,
            without_action_items,
            without_papers,
            with_attachments,
            group_by,
            logo,
            json,
        } => {
            let left_out = [
                (without_cover, DossierPart::Deckblatt),
                (without_toc, DossierPart::Inhalt),
                (without_agenda, DossierPart::Tagesordnung),
                (without_participants, DossierPart::Teilnehmende),
                (without_previous, DossierPart::Vorprotokoll),
                (without_action_items, DossierPart::Aufgaben),
                (without_papers, DossierPart::Papiere),
            ];
            let parts = DossierPart::ALL
                .into_iter()
                .filter(|part| !left_out.iter().any(|(out, p)| *out && p == part))
                .collect();
            let logo_png = match logo {
                Some(path) => Some(std::fs::read(&path).map_err(|e| {
                    Error::io(
                        format!("Das Logo „{}“ konnte nicht gelesen werden", path.display()),
                        e,
                    )
                })?),
                None => None,
            };
            let request = PdfRequest {
                kind: PdfKind::Mappe,
                dossier: DossierOptions {
                    parts,
                    group_by: group_by.unwrap_or_default(),
                    logo_png,
                    attachments: with_attachments,
                },
                attendance: AttendanceOptions::default(),
            };
            save_pdf(store, &session, &file, request, json).await?
        }
        CliCommand::Anwesenheitsliste {
            session,
            file,
            landscape,
            empty_rows,
            json,
        } => {
            let request = PdfRequest {
                kind: PdfKind::Anwesenheitsliste,
                dossier: DossierOptions::default(),
                attendance: AttendanceOptions {
                    landscape,
                    empty_rows: usize::from(empty_rows),
                },
            };
            save_pdf(store, &session, &file, request, json).await?
        }
        CliCommand::Protokoll { session, file, json } => {
            let request = PdfRequest {
                kind: PdfKind::Protokoll,
                dossier: DossierOptions::default(),
                attendance: AttendanceOptions::default(),
            };
            save_pdf(store, &session, &file, request, json).await?
        }
    })
}

/// Finds the session, builds the requested PDF (`usecase::pdf`, as the window does: a `--logo`
/// given here overrides the stored logo) and saves it as a new file.
async fn save_pdf(
    store: &Store,
    session: &str,
    file: &Path,
    request: PdfRequest,
    json: bool,
) -> Result<Report, Error> {
    let now = chrono::Utc::now();
    let found = usecase::sessions::find_session(store, session, today(now)).await?;
    let kind = request.kind;
    let saved = save_session_pdf(store, found.id, request, file, now).await?;
    Ok(Report::from(if json {
        to_json(&serde_json::json!({
            "sitzung": found.id,
            "titel": found.title,
            "datei": saved.path,
            "seiten": saved.pages,
            "bytes": saved.bytes,
            "hinweise": saved.notes,
        }))?
    } else {
        render::pdf(kind.label(), &found, &saved)
    }))
}

async fn region_code(store: &Store, input: &str) -> Result<String, Error> {
    let regions = store.list_regions().await?;
    let found = find_region(&regions, input).ok_or_else(|| {
        Error::validation(
            "--bezirk",
            format!(
                "„{input}“ ist kein Regierungsbezirk. Möglich sind Stuttgart, Karlsruhe, \
                 Freiburg und Tübingen (oder 081 bis 084)."
            ),
        )
    })?;
    Ok(found.code.clone())
}

/// An import where every row has an error stores nothing: that is a failure (exit 1), not a
/// success with zero rows, so scripts notice it.
fn nothing_importable(preview: &ImportPreview) -> Option<Error> {
    let rows = preview.rows.len();
    (rows > 0 && preview.error_count == rows).then(|| {
        Error::validation(
            "Import",
            "Nichts wurde importiert: Jeder Eintrag der Datei hat einen Fehler (siehe oben). Bitte \
             korrigieren Sie die Datei oder die Spaltenzuordnung und versuchen Sie es erneut.",
        )
    })
}
