//! Storage migrations of the validator set, one module per storage version.

pub mod v1;
