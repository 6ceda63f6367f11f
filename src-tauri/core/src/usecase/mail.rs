//! Use cases of mail (see `usecase/mod.rs` for the layer's shape).
