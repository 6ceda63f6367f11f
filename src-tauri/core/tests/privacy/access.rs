//! Art. 15: the Auskunft finds the person everywhere, reads as German text and is saved as JSON, text and PDF.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn auskunft_finds_the_person_everywhere_and_reads_as_german_text() {
    let store = Store::open_in_memory().await.unwrap();
    let w = world(&store).await;
    let a = usecase::privacy::subject_access(&store, w.erased, at(2026, 11, 27))
        .await
        .unwrap();
    assert_eq!(a.contact.last_name, "Zanderbeck");
    assert_eq!(a.organisation.as_ref().unwrap().name, "Landratsamt Tübingen");
    assert_eq!(a.sessions.len(), 1);
    assert_eq!(a.sessions[0].status, "teilgenommen");
    assert_eq!(a.agenda_items.len(), 1);
    assert_eq!(a.action_items.len(), 1);
    let places: Vec<&str> = a.mentions.iter().map(|m| m.place.as_str()).collect();
    assert!(places.contains(&"Diskussion"), "{places:?}");
    assert!(places.contains(&"Beschluss"), "{places:?}");
    assert!(places.contains(&"Aufgabe"), "{places:?}");
    assert!(places.contains(&"Notiz zu einem Kontakt"), "{places:?}");
    assert!(a.papers.is_empty());
    // A paper he wrote and that names him: authorship, then each text naming him, the version's
    // text as its lines that name him.
    let paper = paper_by_him(&store, &w).await;
    let a = usecase::privacy::subject_access(&store, w.erased, at(2026, 11, 27))
        .await
        .unwrap();
    let papers: Vec<(i64, &str, &str)> = a
        .papers
        .iter()
        .map(|p| (p.paper_id, p.place.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(papers[0], (paper, "Autor/in", ""));
    assert!(
        papers.contains(&(paper, "Titel", "Sprachkurse nach Zanderbeck")),
        "{papers:?}"
    );
    assert!(
        papers.contains(&(
            paper,
            "Text einer Version (Version 2)",
            "Quirin Zanderbeck und Frau Öztürk schlagen vor:"
        )),
        "{papers:?}"
    );
    assert!(papers.contains(&(paper, "Version gespeichert von (Version 1)", "Quirin Zanderbeck")));
    assert!(papers.contains(&(paper, "Notiz zu einer Statusänderung", "Zanderbeck stellt vor")));
    // Frau Öztürk is a co-author, not named as him: authorship only by her contact.
    let hers = usecase::privacy::subject_access(&store, w.other, at(2026, 11, 27))
        .await
        .unwrap();
    assert!(
        hers.papers
            .iter()
            .any(|p| p.paper_id == paper && p.place == "Autor/in")
    );
    let text = netzwerkmappe_core::privacy::subject_access_text(&a);
    assert!(
        text.contains("  „Sprachkurse nach Zanderbeck“ – Autor/in\n"),
        "{text}"
    );
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["papers"][0]["place"], "Autor/in");
    assert_eq!(
        json["contact"]["emails"][0]["address"],
        "q.zanderbeck@kreis-tuebingen.de"
    );
    assert_eq!(json["contact"]["groups"][0], "Kernnetzwerk");
    let text = netzwerkmappe_core::privacy::subject_access_text(&a);
    assert!(text.starts_with("Auskunft nach Art. 15 DSGVO\n"));
    assert!(text.contains("  Name: Dr. Quirin Zanderbeck\n"), "{text}");
    assert!(text.contains("  Rechtsgrundlage: Art. 6 Abs. 1 lit. e DSGVO\n"));
    assert!(
        text.contains("Sitzungen (Teilnahme) (1)\n  10.03.2026 1. Netzwerktreffen 2026: teilgenommen\n"),
        "{text}"
    );
    // The other person does not appear in his Auskunft's mentions of the decision.
    assert!(a.mentions.iter().all(|m| !m.text.is_empty()));

    usecase::privacy::record_subject_access(&store, w.erased, at(2026, 11, 27))
        .await
        .unwrap();
    let page = store
        .list_audit(&AuditFilter {
            action: Some(AuditAction::SubjectAccess),
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(page.total, 1);
}

/// The Auskunft is saved as JSON, text and PDF (issue 13: "a readable document (a PDF …)"); the
/// PDF reads back with the person's data, its sections as bookmarks, fonts embedded; an existing
/// PDF of the same name is never overwritten.
#[tokio::test(flavor = "multi_thread")]
async fn auskunft_is_saved_as_a_pdf_that_reads_back_with_the_persons_data() {
    let store = Store::open_in_memory().await.unwrap();
    let w = world(&store).await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("auskunft.json");
    let saved = usecase::privacy::save_subject_access(&store, w.erased, &target, at(2026, 11, 27))
        .await
        .unwrap();
    let pdf = dir.path().join("auskunft.pdf");
    assert_eq!(saved.pdf, pdf.display().to_string());
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Auskunft nach Art. 15 DSGVO",
        "Erstellt: 27.11.2026, 10:00 Uhr",
        "Name: Dr. Quirin Zanderbeck",
        "Organisation: Landratsamt Tübingen",
        "E-Mail: q.zanderbeck@kreis-tuebingen.de",
        "Rechtsgrundlage: Art. 6 Abs. 1 lit. e DSGVO",
        "Sitzungen (Teilnahme) (1)",
        "10.03.2026 1. Netzwerktreffen 2026: teilgenommen",
        "Erwähnungen in Protokollen",
        "Seite 1 von",
    ] {
        assert!(flat.contains(expected), "{expected} in {flat}");
    }
    let doc = lopdf::Document::load(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"Outlines").is_ok(), "bookmarks");
    let fonts = std::process::Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8(fonts.stdout).unwrap();
    assert!(fonts.lines().skip(2).count() >= 2, "{fonts}");
    assert!(
        fonts.lines().skip(2).all(|l| l.contains("yes yes yes")),
        "{fonts}"
    );
    // A second export to the same name stops at the existing files.
    std::fs::remove_file(&target).unwrap();
    std::fs::remove_file(dir.path().join("auskunft.txt")).unwrap();
    let err = usecase::privacy::save_subject_access(&store, w.erased, &target, at(2026, 11, 27))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("auskunft.pdf"), "{err}");
    assert!(!target.exists(), "nothing written when the PDF exists");
}
