//! The chain specifications `peer-node` knows by name: `dev` and `local`.
//! Any other `--chain` value is read as a chain-spec JSON file.

use peer_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_service::{ChainType, Properties};

/// Peer's chain specification: no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What polkadot.js shows for the token and addresses.
fn properties() -> Properties {
	let mut p = Properties::new();
	p.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	p.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	p.insert("ss58Format".into(), SS58_PREFIX.into());
	p
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's wasm binary is not available: build without SKIP_WASM_BUILD".into()
	})
}

/// A Peer chain spec built from one of the runtime's genesis presets.
fn from_preset(name: &str, id: &str, kind: ChainType, preset: &str) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name(name)
		.with_id(id)
		.with_protocol_id("peer")
		.with_chain_type(kind)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--dev`: one authority (Alice); no sudo key (the runtime has none).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Peer Development",
		"peer_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// `--chain local`: four authorities (Alice, Bob, Charlie, Dave), no sudo key.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Peer Local Testnet",
		"peer_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}
