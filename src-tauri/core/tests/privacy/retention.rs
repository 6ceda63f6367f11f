//! Contacts without a legal basis and the retention review.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn contacts_without_basis_and_the_retention_review() {
    let store = Store::open_in_memory().await.unwrap();
    let w = world(&store).await; // both created 01.03.2026; the session was 10.03.2026
    let without: Vec<i64> = store
        .contacts_without_basis()
        .await
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(without, vec![w.other]);
    let silent = store
        .create_contact(
            ContactInput {
                last_name: "Still".into(),
                ..Default::default()
            },
            at(2022, 6, 1),
        )
        .await
        .unwrap()
        .id;
    let ids = |list: Vec<netzwerkmappe_core::privacy::RetentionCandidate>| {
        list.iter().map(|c| c.id).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(
            usecase::privacy::retention_candidates(&store, day(2026, 11, 27), 3)
                .await
                .unwrap()
        ),
        vec![silent]
    );
    // Four years on, the session of 10.03.2026 is more than 3 years back too.
    let later = usecase::privacy::retention_candidates(&store, day(2029, 3, 10), 3)
        .await
        .unwrap();
    assert_eq!(ids(later.clone()), vec![silent, w.erased, w.other]);
    assert!(!later[0].involved);
    assert!(later[1].involved);
    usecase::privacy::keep_contact(&store, silent, at(2026, 11, 27))
        .await
        .unwrap();
    assert!(
        usecase::privacy::retention_candidates(&store, day(2026, 11, 27), 3)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        ids(
            usecase::privacy::retention_candidates(&store, day(2029, 11, 27), 3)
                .await
                .unwrap()
        ),
        vec![w.erased, w.other, silent]
    );
}
