//! Use cases of organisations (see `usecase/mod.rs` for the layer's shape).
