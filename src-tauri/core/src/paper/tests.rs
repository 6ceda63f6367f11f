//! Unit tests of the paper inputs and attachment rules.

use super::*;

#[test]
fn former_authors_stay_unless_the_caller_names_the_ones_to_keep() {
    let stored = || vec!["Anna".to_owned(), "Ben".to_owned(), "Anna".to_owned()];
    assert_eq!(kept_former_authors(stored(), None), stored());
    assert!(kept_former_authors(stored(), Some(&[])).is_empty());
    let wanted = ["Anna".to_owned(), "Neu".to_owned()];
    assert_eq!(
        kept_former_authors(stored(), Some(&wanted)),
        vec!["Anna".to_owned()]
    );
    let wanted = ["Ben".to_owned(), "Anna".to_owned(), "Anna".to_owned()];
    assert_eq!(kept_former_authors(stored(), Some(&wanted)), stored());
}

#[test]
fn empty_title_is_refused_with_the_field() {
    let err = PaperInput::default().normalised().unwrap_err();
    assert_eq!(err.field_errors()[0].field, "Titel");
    assert_eq!(err.to_string(), "Titel: Bitte geben Sie einen Titel ein.");
}

#[test]
fn a_body_over_the_cap_is_refused() {
    let input = VersionInput {
        title: "Papier".into(),
        body: "a".repeat(limits::PAPER_BODY + 1),
        ..VersionInput::default()
    };
    let err = input.normalised().unwrap_err();
    assert_eq!(err.field_errors()[0].field, "Text");
    assert!(err.to_string().contains("Höchstens 300.000 Zeichen"), "{err}");
}

#[test]
fn attachment_size_and_name() {
    assert!(check_attachment("a.pdf", 1).is_ok());
    let err = check_attachment("Film.mp4", MAX_ATTACHMENT_BYTES + 1).unwrap_err();
    assert!(err.to_string().contains("höchstens 25 MB"), "{err}");
    assert!(err.to_string().contains("„Film.mp4“ ist 25,1 MB groß"), "{err}");
    assert!(check_attachment("leer.txt", 0).is_err());
    assert_eq!(
        media_type("Bericht.DOCX"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
}

#[test]
fn private_copies_have_safe_names() {
    assert_eq!(
        safe_file_name("..\\..\\Windows\\evil:name?.pdf"),
        "evil_name_.pdf"
    );
    assert_eq!(safe_file_name("/etc/passwd"), "passwd");
    assert_eq!(safe_file_name(".."), "Anhang");
    let dir = tempfile::tempdir().unwrap();
    let file = AttachmentFile {
        meta: AttachmentMeta {
            id: 7,
            paper_id: 1,
            version_id: None,
            version_number: None,
            file_name: "Plan 2027.pdf".into(),
            media_type: "application/pdf".into(),
            size: 3,
            sha256: sha256_hex(b"abc"),
            added_by: "t".into(),
            added_at: "2026-11-27T10:00:00Z".into(),
        },
        data: b"abc".to_vec(),
    };
    let path = write_private_copy(&file, dir.path()).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"abc");
    assert!(path.ends_with("netzwerkmappe-anhaenge/7-ba7816bf8f01cfea/Plan 2027.pdf"));
    // Again: the same file is written over, not a second copy.
    assert_eq!(write_private_copy(&file, dir.path()).unwrap(), path);
}

#[test]
fn checksum_is_sha256_hex() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
