//! Use cases of participants (see `usecase/mod.rs` for the layer's shape).
