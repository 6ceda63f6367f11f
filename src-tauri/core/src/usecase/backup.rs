//! Use cases of backup (see `usecase/mod.rs` for the layer's shape).
