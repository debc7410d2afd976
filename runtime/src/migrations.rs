//! Storage migrations, and the convention for writing them.
//!
//! Every pallet of ours declares its storage version (`#[pallet::storage_version]`,
//! missions at 2, the validator set at 1, the rest at 0; `tests::genesis::every_pallet_stores_the_version_its_code_declares` checks
//! that genesis writes them). When a stored type of a pallet changes:
//!
//! 1. In the pallet, raise `STORAGE_VERSION` and write the migration in
//!    `src/migrations/v<N>.rs`: an `UncheckedOnRuntimeUpgrade` that translates the
//!    old values, with `pre_upgrade` / `post_upgrade` checks under `try-runtime`,
//!    wrapped as `frame_support::migrations::VersionedMigration<N - 1, N, …>` so that
//!    it runs once and sets the new version. Test it on storage written in the old
//!    format.
//! 2. Here, add it to [`Unreleased`], the tuple the runtime's `Executive` runs on the
//!    next runtime upgrade (in order).
//! 3. Raise `spec_version`; check the migrations against a live chain's state
//!    (`scripts/try-runtime.sh ws://<node>:9944`, `tests::try_runtime`); the upgrade
//!    itself is a council motion naming the code's hash (`system.authorizeUpgrade`
//!    through `consortium.dispatchAsRoot`, 3/4), after which anyone applies the code
//!    (`system.applyAuthorizedUpgrade`). The runbook: docs/UPGRADES.md.
//! 4. After the upgrade is enacted on every network, move the entry out of
//!    [`Unreleased`] (the `VersionedMigration` would skip it anyway), and move the
//!    previous-runtime fixture forward (`scripts/previous-runtime.sh --write <commit>`).

/// Migrations not yet applied on every network; run, in order, by the next runtime
/// upgrade.
pub type Unreleased = (
	// Missions v0 -> v1: each commitment keeps its turn-down fee (spec 102).
	pallet_missions::migrations::v1::MigrateV0ToV1<crate::Runtime>,
	// Validator set v0 -> v1: the set's minimum is stored (spec 102).
	pallet_validator_set::migrations::v1::MigrateV0ToV1<crate::Runtime>,
	// Missions v1 -> v2: each mission names its asset, PEER for every mission
	// posted before (spec 103).
	pallet_missions::migrations::v2::MigrateV1ToV2<crate::Runtime>,
);
