//! The Protokoll (names, bookmarks, metadata, "ENTWURF") and the Anwesenheitsliste (a signature
//! column on every page, empty rows).

use crate::fixtures::*;

#[tokio::test(flavor = "multi_thread")]
async fn the_protokoll_reads_back_with_names_bookmarks_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let data = with_hard_text(demo_data().await.remove(0));
    let file = minutes_pdf(&data, now()).unwrap();
    let path = save(dir.path(), "protokoll.pdf", &file.bytes);
    // Lines may break between a first and a family name: compare with single spaces. A line may
    // also end after the hyphen of "Yılmaz-İnce", which pdftotext then drops as a hyphenation.
    let text = text_of(&path).split_whitespace().collect::<Vec<_>>().join(" ");
    let unhyphenated = text.replace('-', "");
    for name in [
        "Ayşe Yılmaz-İnce",
        "Łukasz Wójcik",
        "Ivana Đurić",
        "Ольга Журавлёва",
        "Jürgen Weiß",
    ] {
        assert!(
            unhyphenated.contains(&name.replace('-', "")),
            "{name} extracts exactly"
        );
    }
    assert!(text.contains("ğüşıöç İĞÜŞÖÇ ß"));
    assert!(text.contains(&format!("Seite 1 von {}", file.pages)));
    assert!(text.contains(&format!("Seite {0} von {0}", file.pages)));
    for decision in &data.minutes.decisions {
        assert!(
            text.contains(&decision.label),
            "{} set off with its number",
            decision.label
        );
    }
    assert_fonts_embedded(&path);

    let doc = lopdf::Document::load(&path).unwrap();
    assert_eq!(doc.get_pages().len(), file.pages);
    let outline = outline_titles(&doc);
    assert_eq!(outline[0], (0, "Protokoll".to_string()));
    for item in data.agenda.iter().filter(|a| a.parent_id.is_none()) {
        let title = format!("TOP {} {}", item.number, item.title);
        assert!(
            outline.contains(&(1, title.clone())),
            "{title} nested below Protokoll: {outline:?}"
        );
    }
    let catalog = doc.catalog().unwrap();
    assert_eq!(
        catalog.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"de-DE");
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    assert!(
        info.contains(&format!("Protokoll: {}", data.session.title)),
        "{info}"
    );
    assert!(info.contains("Netzwerk Integration Baden-Württemberg"), "{info}");
    assert!(info.contains("Encrypted:       no"), "{info}");
    // PDF/A-2b structure: XMP identification and an sRGB output intent with its profile.
    let xmp_id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let xmp = doc.get_object(xmp_id).unwrap().as_stream().unwrap();
    let xmp = String::from_utf8(xmp.content.clone()).unwrap();
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>")
            && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>")
    );
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = intents[0].as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let profile = doc
        .get_object(intent.get(b"DestOutputProfile").unwrap().as_reference().unwrap())
        .unwrap();
    let mut profile = profile.as_stream().unwrap().clone();
    let _ = profile.decompress();
    assert_eq!(&profile.content[36..40], b"acsp", "an ICC profile");
    assert!(doc.trailer.get(b"ID").is_ok());
    assert_eq!(doc.version, "1.7");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_protokoll_says_entwurf() {
    let data = demo_data().await;
    let draft = data.iter().find(|d| d.minutes.minutes.is_none()).unwrap();
    let file = minutes_pdf(draft, now()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = text_of(&save(dir.path(), "entwurf.pdf", &file.bytes));
    assert!(text.contains("ENTWURF"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_attendance_list_has_a_signature_column_on_every_page_and_empty_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = with_hard_text(demo_data().await.remove(0));
    // Enough people for several pages.
    for n in 0..60 {
        data.participants.push(PdfParticipant {
            name: format!("Person Nummer {n:02}"),
            function: None,
            organisation: Some("Stadt Ulm".into()),
            district: Some("Ulm".into()),
            status: ParticipantStatus::Zugesagt,
        });
    }
    for landscape in [false, true] {
        let file = attendance_pdf(
            &data,
            &AttendanceOptions {
                landscape,
                empty_rows: 5,
            },
            now(),
        )
        .unwrap();
        let path = save(dir.path(), &format!("liste-{landscape}.pdf"), &file.bytes);
        assert!(file.pages >= 2);
        let doc = lopdf::Document::load(&path).unwrap();
        for (n, page) in doc.get_pages() {
            let text = doc.extract_text(&[n]).unwrap_or_default();
            let _ = page;
            // The header row repeats: every page names the signature column.
            let poppler = tool(
                "pdftotext",
                &[
                    "-f",
                    &n.to_string(),
                    "-l",
                    &n.to_string(),
                    "-enc",
                    "UTF-8",
                    path.to_str().unwrap(),
                    "-",
                ],
            );
            assert!(poppler.contains("Unterschrift"), "page {n}: {text}");
        }
        let text = text_of(&path);
        assert!(text.contains("Ayşe Yılmaz-İnce"));
        let expected = data
            .participants
            .iter()
            .filter(|p| p.status != ParticipantStatus::Abgesagt)
            .count();
        // Numbered rows: the last number is the people plus the 5 empty rows.
        assert!(
            text.contains(&format!("{}", expected + 5)),
            "empty rows numbered on: {text}"
        );
        let size = tool("pdfinfo", &[path.to_str().unwrap()]);
        let wide = size.contains("841.891 x 595.28");
        assert_eq!(wide, landscape, "{size}");
    }
}
