//! The check the fellowship runtimes run with try-runtime-cli before each
//! release, on Peer's own state: the pending migrations ([`crate::migrations`]),
//! each with its `pre_upgrade` / `post_upgrade`, then every pallet's
//! `try_state` and a decode of the entire state, through
//! `Executive::try_runtime_upgrade`, on a snapshot of a live chain.
//!
//! The snapshot is taken from a running node by `scripts/try-runtime.sh` (an
//! operator's command: `scripts/try-runtime.sh ws://node:9944`) or by the live
//! upgrade test just before its upgrade (scripts/upgrade-test.sh); either runs
//! this test with `PEER_SNAPSHOT` naming the file. Without one it fails: it is
//! `#[ignore]`d so that the plain `cargo test` does not run it.

use crate::{Executive, Runtime, VERSION};
use frame_support::traits::TryDecodeEntireStorage;
use frame_try_runtime::UpgradeCheckSelect;
use sp_core::storage::Storage;
use std::collections::BTreeMap;

/// The state of one block: every key of the top trie with its value, as
/// `scripts/e2e/lib/snapshot.js` writes it.
struct Snapshot {
	block: String,
	spec_version: u32,
	top: BTreeMap<Vec<u8>, Vec<u8>>,
}

fn hex(s: &str) -> Vec<u8> {
	sp_core::bytes::from_hex(s).unwrap_or_else(|e| panic!("not hex ({e:?}): {s}"))
}

fn load(path: &str) -> Snapshot {
	let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
	let json: serde_json::Value = serde_json::from_str(&text).expect("a snapshot is JSON");
	let pairs = json["pairs"].as_array().expect("pairs");
	let top = pairs
		.iter()
		.map(|p| (hex(p[0].as_str().expect("key")), hex(p[1].as_str().expect("value"))))
		.collect::<BTreeMap<_, _>>();
	Snapshot {
		block: json["block"].as_str().unwrap_or("?").into(),
		spec_version: json["specVersion"].as_u64().expect("specVersion") as u32,
		top,
	}
}

#[test]
#[ignore = "needs PEER_SNAPSHOT, a state snapshot (scripts/try-runtime.sh, scripts/upgrade-test.sh)"]
fn pending_migrations_pass_their_checks_on_a_live_state() {
	let path = std::env::var("PEER_SNAPSHOT")
		.expect("PEER_SNAPSHOT names a snapshot (scripts/try-runtime.sh makes one)");
	let snapshot = load(&path);
	println!(
		"snapshot of block {} (spec_version {}): {} keys; this runtime is spec_version {}",
		snapshot.block,
		snapshot.spec_version,
		snapshot.top.len(),
		VERSION.spec_version
	);
	assert!(
		snapshot.spec_version < VERSION.spec_version,
		"the snapshot's runtime (spec {}) is not older than this one (spec {}): nothing to upgrade",
		snapshot.spec_version,
		VERSION.spec_version
	);
	assert!(snapshot.top.contains_key(sp_core::storage::well_known_keys::CODE), "no :code");
	let storage = Storage { top: snapshot.top, children_default: Default::default() };
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		let missions = pallet_missions::LiveMissions::<Runtime>::iter_keys().count();
		// Read with this runtime's types before migrating, the state does not
		// decode wherever a stored type changed: the check below has teeth.
		let before =
			<crate::AllPalletsWithSystem as TryDecodeEntireStorage>::try_decode_entire_state();
		println!(
			"before the migrations, this runtime decodes the state: {}",
			match &before {
				Ok(bytes) => format!("yes ({bytes} bytes)"),
				Err(errors) => format!("no, {} errors (first: {:?})", errors.len(), errors.first()),
			}
		);
		let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.unwrap_or_else(|e| panic!("the upgrade's checks failed: {e:?}"));
		let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		println!(
			"migrations, pre/post checks, try_state and the decode of the entire state passed; \
			 {missions} missions; weight {} ref_time ({}% of a block), {} proof_size",
			weight.ref_time(),
			weight.ref_time().saturating_mul(100) / max.ref_time().max(1),
			weight.proof_size()
		);
		assert!(weight.all_lte(max), "the migrations do not fit in a block: {weight:?} > {max:?}");
		let version = frame_system::LastRuntimeUpgrade::<Runtime>::get().expect("recorded");
		assert_eq!(version.spec_version.0, VERSION.spec_version);
	});
}
