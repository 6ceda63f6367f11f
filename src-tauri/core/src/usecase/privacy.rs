//! Use cases of privacy (see `usecase/mod.rs` for the layer's shape).
