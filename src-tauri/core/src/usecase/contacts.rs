//! Use cases of contacts (see `usecase/mod.rs` for the layer's shape).
