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

/// `--dev`: one authority (Alice), sudo for Alice.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Peer Development")
		.with_id("peer_dev")
		.with_protocol_id("peer")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: three authorities (Alice, Bob, Charlie), no sudo key.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Peer Local Testnet")
		.with_id("peer_local")
		.with_protocol_id("peer")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
