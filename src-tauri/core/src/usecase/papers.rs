//! Use cases of papers (see `usecase/mod.rs` for the layer's shape).
