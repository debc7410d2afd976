//! The runtime's tests, by concern, and the helper they share (`genesis_of`):
//! - `genesis`: the presets, identity, limits and weights of the runtime as built;
//! - `governance`: council stories run through `RuntimeCall`s;
//! - `organizations`: firms acting through proxies, multisigs and identities;
//! - `escalation`: no faction below three quarters reaches Root or takes the validators;
//! - `random_calls`: random call sequences against every invariant;
//! - `try_runtime`: the pending migrations' checks on a snapshot of a live chain.

use crate::{genesis_config_presets, RuntimeGenesisConfig};
use serde_json::Value;

mod escalation;
mod genesis;
mod governance;
mod organizations;
mod random_calls;
#[cfg(feature = "try-runtime")]
mod try_runtime;

/// Merges a preset's patch into the default genesis, as the node does.
pub(super) fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(b), Value::Object(p)) => {
			for (k, v) in p {
				merge(b.entry(k).or_insert(Value::Null), v);
			}
		}
		(b, p) => *b = p,
	}
}

pub(crate) fn genesis_of(preset: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&preset.into()).expect("preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&patch).unwrap());
	let json = serde_json::to_vec(&config).unwrap();
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(json)
			.expect("genesis builds")
	});
	ext
}
