//! Genesis presets: `development` (Alice alone validates) and `local_testnet`
//! (Alice, Bob, Charlie and Dave, four organizations, validate). Neither has
//! a sudo key: the runtime has no Sudo pallet, so no chain spec can give one
//! account Root. In the development chain Alice, Bob and Charlie
//! found the consortium and sit on its council; in the local testnet Dave
//! founds it with them. The validators' nodes are the consortium's well-known
//! nodes: their peer ids are those of the node keys `0x00…01` to `0x00…04`
//! (`--node-key`), the only peers the network admits until a vote adds more.

use crate::{
	AccountId, BalancesConfig, BlockNumber, ConsortiumConfig, NodeAuthorizationConfig,
	RuntimeGenesisConfig, SessionConfig, ValidatorSetConfig, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use pallet_consortium::MemberKind;
use serde_json::Value;
use sp_core::OpaquePeerId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each endowed development account starts with.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// Sessions of the `local` preset: ten blocks (20 s), so that a change to its
/// four validators shows within a minute (the fault tests wait for it).
pub const LOCAL_SESSION_LENGTH: BlockNumber = 10;

/// Sessions of the `development` preset: ten minutes. A rotation costs only
/// its measured weight (the validator set rotates sessions, not
/// `pallet_session`'s hook, which would claim the whole block), so short
/// sessions cost little. A consortium sets another length by vote
/// (`validatorSet.setSessionLength`), e.g. 1,800 blocks for an hour.
pub const DEV_SESSION_LENGTH: BlockNumber = 10 * crate::MINUTES;

/// The Ed25519 public keys of the node keys `0x00…01` to `0x00…04` (secret
/// seeds), from which libp2p derives the nodes' peer ids; a test checks them.
pub const NODE_PUBLIC_KEYS: [&str; 4] = [
	"4cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29",
	"7422b9887598068e32c4448a949adb290d0f4e35b9e01b0ee5f1a1e600fe2674",
	"f381626e41e7027ea431bfe3009e94bdd25a746beec468948d6c3c7c5dc9a54b",
	"fd50b8e3b144ea244fbf7737f550bc8dd0c2650bbc1aada833ca17ff8dbf329b",
];

/// The libp2p peer id (as bytes) of the node whose Ed25519 public key is
/// `public` (hex): an identity multihash of the protobuf-encoded key.
pub fn peer_id(public: &str) -> OpaquePeerId {
	let nibble = |c: u8| match c {
		b'0'..=b'9' => c - b'0',
		b'a'..=b'f' => c - b'a' + 10,
		_ => panic!("lowercase hex expected"),
	};
	let key = public.as_bytes().chunks(2).map(|p| (nibble(p[0]) << 4) | nibble(p[1]));
	// identity multihash (0x00) of 36 bytes: protobuf { key_type: Ed25519, data: 32 bytes }
	OpaquePeerId::new([0x00, 0x24, 0x08, 0x01, 0x12, 0x20].into_iter().chain(key).collect())
}

/// A validator: its account and the session keys it starts with.
struct Validator {
	account: AccountId,
	keys: crate::opaque::SessionKeys,
}

fn validator(who: Sr25519Keyring, finality: Ed25519Keyring) -> Validator {
	Validator {
		account: who.to_account_id(),
		keys: crate::opaque::SessionKeys {
			aura: who.public().into(),
			grandpa: finality.public().into(),
		},
	}
}

/// The genesis of a chain validated by `validators`, whose nodes are
/// `nodes` (peer id, owner), with `endowed` funded, `members` as the founding
/// consortium (and council), and sessions of `session_length` blocks.
fn peer_genesis(
	session_length: BlockNumber,
	validators: Vec<Validator>,
	nodes: Vec<(OpaquePeerId, AccountId)>,
	endowed: Vec<AccountId>,
	members: Vec<(AccountId, Vec<u8>, MemberKind)>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|v| v.account.clone()).collect::<Vec<_>>(),
			session_length,
			// The set never shrinks below its genesis size (one on the development
			// chain, four on the local testnet) unless Root lowers the minimum.
			min_validators: validators.len() as u32,
		},
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|v| (v.account.clone(), v.account.clone(), v.keys.clone()))
				.collect::<Vec<_>>(),
		},
		node_authorization: NodeAuthorizationConfig { nodes },
		consortium: ConsortiumConfig { members },
	})
}

/// The well-known development accounts, funded in both presets.
fn endowed_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// The founding members of the development consortium: Alice, Bob and
/// Charlie. Dave, Eve and Ferdie are funded outsiders.
fn founders() -> Vec<(AccountId, Vec<u8>, MemberKind)> {
	vec![
		(Sr25519Keyring::Alice.to_account_id(), b"Alice Labs".to_vec(), MemberKind::Organization),
		(Sr25519Keyring::Bob.to_account_id(), b"Bob & Partners".to_vec(), MemberKind::Organization),
		(Sr25519Keyring::Charlie.to_account_id(), b"Charlie".to_vec(), MemberKind::Individual),
	]
}

/// The nodes of the first `n` of Alice, Bob, Charlie and Dave, each owned by
/// its validator.
fn well_known_nodes(n: usize) -> Vec<(OpaquePeerId, AccountId)> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
		.iter()
		.zip(NODE_PUBLIC_KEYS)
		.take(n)
		.map(|(who, key)| (peer_id(key), who.to_account_id()))
		.collect()
}

/// `--dev`: Alice alone validates.
pub fn development_config_genesis() -> Value {
	peer_genesis(
		DEV_SESSION_LENGTH,
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		well_known_nodes(1),
		endowed_accounts(),
		founders(),
	)
}

/// `--chain local`: four organizations validate (GRANDPA finalizes with one of
/// them down: 3f + 1 with f = 1).
pub fn local_config_genesis() -> Value {
	let mut members = founders();
	members.push((
		Sr25519Keyring::Dave.to_account_id(),
		b"Dave Systems".to_vec(),
		MemberKind::Organization,
	));
	peer_genesis(
		LOCAL_SESSION_LENGTH,
		vec![
			validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		well_known_nodes(4),
		endowed_accounts(),
		members,
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
