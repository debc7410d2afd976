//! Genesis presets: `development` (one authority, Alice holds sudo) and
//! `local_testnet` (Alice, Bob and Charlie author and finalize; no sudo key).
//! In both, Alice, Bob and Charlie found the consortium and sit on its council.

use crate::{AccountId, BalancesConfig, ConsortiumConfig, RuntimeGenesisConfig, SudoConfig, UNIT};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use pallet_consortium::MemberKind;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each endowed development account starts with.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The genesis of a chain authored by `authorities`, with `endowed` funded,
/// `members` as the founding consortium (and council), and `root` (if any) as
/// the sudo key.
fn peer_genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<AccountId>,
	members: Vec<(AccountId, Vec<u8>, MemberKind)>,
	root: Option<AccountId>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		consortium: ConsortiumConfig { members },
		sudo: SudoConfig { key: root },
	})
}

fn authority(who: Sr25519Keyring, finality: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(who.public().into(), finality.public().into())
}

/// The well-known development accounts, funded in both presets.
fn endowed_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// The founding members of the development and local consortia: Alice,
/// Bob and Charlie. Dave, Eve and Ferdie are funded outsiders.
fn founders() -> Vec<(AccountId, Vec<u8>, MemberKind)> {
	vec![
		(Sr25519Keyring::Alice.to_account_id(), b"Alice Labs".to_vec(), MemberKind::Organization),
		(Sr25519Keyring::Bob.to_account_id(), b"Bob & Partners".to_vec(), MemberKind::Organization),
		(Sr25519Keyring::Charlie.to_account_id(), b"Charlie".to_vec(), MemberKind::Individual),
	]
}

/// `--dev`: Alice alone authors and finalizes, and holds the sudo key.
pub fn development_config_genesis() -> Value {
	peer_genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		endowed_accounts(),
		founders(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// `--chain local`: three authorities, no sudo key.
pub fn local_config_genesis() -> Value {
	peer_genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		],
		endowed_accounts(),
		founders(),
		None,
	)
}

/// The JSON patch of the preset `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
