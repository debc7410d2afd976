//! What the chain says, at its finalized head, about a mission and the people
//! around it: everything the store's rules are decided from.

use crate::{
	chain::{self, Chain, ChainError},
	decode::{bytes_of, field, variant, Runtime, Val},
};
use codec::{Decode, Encode};
use futures::future::BoxFuture;
use scale_value::ValueDef;
use sp_core::{crypto::AccountId32, H256};
use sp_crypto_hashing::{blake2_128, twox_64};
use std::sync::Arc;

/// A milestone as the rules need it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MilestoneFacts {
	/// The hash of its specification.
	pub spec: H256,
	/// The latest deliverable's hash and who submitted it.
	pub deliverable: Option<(H256, AccountId32)>,
	/// The hash of the owner's reasons, while rejected or disputed.
	pub reason: Option<H256>,
	/// Whether a dispute over it is open.
	pub disputed: bool,
}

/// A mission as the rules need it.
#[derive(Clone, Debug, PartialEq)]
pub struct MissionFacts {
	/// Still on chain (`LiveMissions`); an ended one is known from the history.
	pub live: bool,
	pub owner: AccountId32,
	/// Everyone committed to it, pending or accepted (on a live mission), or
	/// its contributors (on an ended one).
	pub committed: Vec<AccountId32>,
	/// The hash of its description (zero if unknown: an ended mission).
	pub description: H256,
	pub milestones: Vec<MilestoneFacts>,
}

impl MissionFacts {
	/// The owner or anyone committed.
	pub fn is_party(&self, who: &AccountId32) -> bool {
		&self.owner == who || self.committed.contains(who)
	}

	pub fn disputed(&self) -> bool {
		self.milestones.iter().any(|m| m.disputed)
	}
}

/// The chain, as the store asks it.
pub trait Facts: Send + Sync {
	/// A mission, live (from the chain) or ended (from the history); `None`
	/// if there never was one.
	fn mission(&self, id: u32) -> BoxFuture<'_, Result<Option<MissionFacts>, String>>;
	/// The council's members.
	fn council(&self) -> BoxFuture<'_, Result<Vec<AccountId32>, String>>;
	/// Whether `who` is a member of the consortium.
	fn is_member(&self, who: AccountId32) -> BoxFuture<'_, Result<bool, String>>;
	/// The accounts that may act for `who` by proxy now (any kind, no delay).
	fn delegates(&self, who: AccountId32) -> BoxFuture<'_, Result<Vec<AccountId32>, String>>;
}

/// The chain at the node's finalized head, over its RPC; an ended mission
/// from the history database (`history`).
pub struct Live {
	rpc: String,
	history: String,
	chain: tokio::sync::Mutex<Option<Arc<Chain>>>,
	runtimes: tokio::sync::Mutex<chain::Runtimes>,
}

fn rpc(e: ChainError) -> String {
	e.to_string()
}

/// `Consortium.Members(who)`'s key (Blake2_128Concat).
fn member_key(who: &AccountId32) -> String {
	let raw: &[u8] = who.as_ref();
	hex_key(&[&chain::storage_prefix("Consortium", "Members"), &blake2_128(raw), raw])
}

/// `Proxy.Proxies(who)`'s key (Twox64Concat).
fn proxies_key(who: &AccountId32) -> String {
	let raw: &[u8] = who.as_ref();
	hex_key(&[&chain::storage_prefix("Proxy", "Proxies"), &twox_64(raw), raw])
}

fn hex_key(parts: &[&[u8]]) -> String {
	format!("0x{}", chain::hex(&parts.concat()))
}

impl Live {
	pub fn new(rpc: String, history: String) -> Self {
		Self { rpc, history, chain: Default::default(), runtimes: Default::default() }
	}

	/// The node (connected on first use, and again after an error) with its
	/// finalized head and the runtime it runs.
	async fn head(&self) -> Result<(Arc<Chain>, H256, Arc<Runtime>), String> {
		let chain = {
			let mut held = self.chain.lock().await;
			match held.as_ref() {
				Some(c) => c.clone(),
				None => {
					let c = Arc::new(Chain::connect(&self.rpc).await.map_err(rpc)?);
					*held = Some(c.clone());
					c
				}
			}
		};
		let answer = async {
			let hash: String =
				chain.call("chain_getFinalizedHead", jsonrpsee::rpc_params![]).await?;
			let head = H256::from_slice(
				&chain::unhex(&hash)
					.map_err(ChainError::Rpc)?
					.get(..32)
					.ok_or_else(|| ChainError::Rpc(format!("`{hash}` is not a block hash")))?,
			);
			let mut runtimes = self.runtimes.lock().await;
			let rt = chain.runtime_at_head(&mut runtimes, head).await?;
			Ok::<_, ChainError>((head, rt))
		}
		.await;
		match answer {
			Ok((head, rt)) => Ok((chain, head, rt)),
			Err(e) => {
				// The next request connects again.
				*self.chain.lock().await = None;
				Err(rpc(e))
			}
		}
	}

	async fn storage(&self, key: String) -> Result<(Option<Vec<u8>>, Arc<Runtime>), String> {
		let (chain, head, rt) = self.head().await?;
		let value = chain.storage(&key, head, 0).await.map_err(rpc)?;
		Ok((value, rt))
	}

	async fn live_mission(&self, id: u32) -> Result<Option<MissionFacts>, String> {
		let (chain, head, rt) = self.head().await?;
		let answer: String = chain
			.call(
				"state_call",
				jsonrpsee::rpc_params![
					"MissionsApi_mission",
					format!("0x{}", chain::hex(&id.encode())),
					format!("{head:?}")
				],
			)
			.await
			.map_err(rpc)?;
		let ty = rt
			.api_output_ty("MissionsApi", "mission")
			.ok_or("the runtime has no MissionsApi.mission")?;
		let value = rt.decode_as(ty, &chain::unhex(&answer)?)?;
		match variant(&value) {
			Some(("Some", fields)) => {
				let view = fields.values().next().ok_or("Some without a value")?;
				mission_of(&rt, view).map(Some)
			}
			_ => Ok(None),
		}
	}
}

/// An ended mission from the history database at `history`: its owner and contributors.
fn ended_mission(history: &str, id: u32) -> Result<Option<MissionFacts>, String> {
	use crate::store::Store;
	let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
	let store = crate::store::Sqlite::open_read(history, deadline)?;
	let Some(history) = store.mission(id)? else { return Ok(None) };
	let parse = |s: &str| {
		<AccountId32 as sp_core::crypto::Ss58Codec>::from_ss58check(s)
			.map_err(|_| format!("the history holds `{s}` as an account"))
	};
	let committed = history
		.accounts
		.iter()
		.filter(|a| a.role == crate::extract::Role::Contributor)
		.map(|a| parse(&a.account))
		.collect::<Result<Vec<_>, _>>()?;
	Ok(Some(MissionFacts {
		live: false,
		owner: parse(&history.mission.owner)?,
		committed,
		description: H256::zero(),
		milestones: Vec::new(),
	}))
}

fn hash_of(v: Option<&Val>) -> Option<H256> {
	let b = bytes_of(v?)?;
	(b.len() == 32).then(|| H256::from_slice(&b))
}

fn list(v: Option<&Val>) -> Vec<&Val> {
	match v.map(|v| &v.value) {
		Some(ValueDef::Composite(c)) => c.values().collect(),
		_ => Vec::new(),
	}
}

fn named(v: &Val) -> Option<&crate::decode::Fields> {
	match &v.value {
		ValueDef::Composite(c) => Some(c),
		_ => None,
	}
}

/// A `MissionView` (the runtime API's answer) as facts: read by the names of
/// its fields, so that a runtime that adds fields is still understood.
fn mission_of(rt: &Runtime, view: &Val) -> Result<MissionFacts, String> {
	let v = named(view).ok_or("a MissionView that is not a record")?;
	let owner = field(v, "owner").and_then(|o| rt.account(o)).ok_or("a mission without owner")?;
	let committed = list(field(v, "commitments"))
		.into_iter()
		.filter_map(|c| named(c).and_then(|c| field(c, "who")).and_then(|w| rt.account(w)))
		.collect();
	let milestones = list(field(v, "milestones"))
		.into_iter()
		.filter_map(named)
		.map(|m| {
			let status = field(m, "status").and_then(variant);
			let reason = match status {
				Some(("Rejected" | "Disputed", f)) => hash_of(field(f, "reason_hash")),
				_ => None,
			};
			let deliverable = match field(m, "deliverable").and_then(variant) {
				Some(("Some", f)) => f.values().next().and_then(named).and_then(|d| {
					Some((hash_of(field(d, "content_hash"))?, rt.account(field(d, "submitter")?)?))
				}),
				_ => None,
			};
			MilestoneFacts {
				spec: hash_of(field(m, "description_hash")).unwrap_or_default(),
				deliverable,
				reason,
				disputed: matches!(status, Some(("Disputed", _))),
			}
		})
		.collect();
	Ok(MissionFacts {
		live: true,
		owner,
		committed,
		description: hash_of(field(v, "content_hash")).unwrap_or_default(),
		milestones,
	})
}

impl Facts for Live {
	fn mission(&self, id: u32) -> BoxFuture<'_, Result<Option<MissionFacts>, String>> {
		Box::pin(async move {
			match self.live_mission(id).await? {
				Some(m) => Ok(Some(m)),
				None => {
					let history = self.history.clone();
					tokio::task::spawn_blocking(move || ended_mission(&history, id))
						.await
						.map_err(|e| e.to_string())?
				}
			}
		})
	}

	fn council(&self) -> BoxFuture<'_, Result<Vec<AccountId32>, String>> {
		Box::pin(async move {
			let (value, _) = self.storage(chain::storage_key("Council", "Members")).await?;
			let members =
				Vec::<[u8; 32]>::decode(&mut &value.unwrap_or_default()[..]).unwrap_or_default();
			Ok(members.into_iter().map(AccountId32::from).collect())
		})
	}

	fn is_member(&self, who: AccountId32) -> BoxFuture<'_, Result<bool, String>> {
		Box::pin(async move { Ok(self.storage(member_key(&who)).await?.0.is_some()) })
	}

	fn delegates(&self, who: AccountId32) -> BoxFuture<'_, Result<Vec<AccountId32>, String>> {
		Box::pin(async move {
			let (value, rt) = self.storage(proxies_key(&who)).await?;
			let Some(value) = value else { return Ok(Vec::new()) };
			let ty = rt.storage_ty("Proxy", "Proxies").ok_or("the runtime has no Proxy.Proxies")?;
			let value = rt.decode_as(ty, &value)?;
			// (BoundedVec<ProxyDefinition { delegate, proxy_type, delay }>, deposit)
			Ok(delegates_of(&rt, &value))
		})
	}
}

/// The delegates without delay in a `Proxy.Proxies` value:
/// `(BoundedVec<ProxyDefinition { delegate, proxy_type, delay }>, deposit)`.
fn delegates_of(rt: &Runtime, value: &Val) -> Vec<AccountId32> {
	// The definitions are found by their fields, through the bounded vector's
	// newtype and the tuple.
	fn definitions<'a>(v: &'a Val, out: &mut Vec<&'a crate::decode::Fields>) {
		match &v.value {
			ValueDef::Composite(c) if field(c, "delegate").is_some() => out.push(c),
			ValueDef::Composite(c) => c.values().for_each(|x| definitions(x, out)),
			_ => {}
		}
	}
	let mut found = Vec::new();
	definitions(value, &mut found);
	found
		.into_iter()
		.filter(|d| field(d, "delay").and_then(crate::decode::uint).unwrap_or(1) == 0)
		.filter_map(|d| rt.account(field(d, "delegate")?))
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_missions::{
		CommitmentStatus, CommitmentView, DeliverableView, MilestoneStatus, MilestoneView,
		MissionOptions, MissionStatus, MissionView,
	};
	use sp_runtime::Perbill;

	fn rt() -> Runtime {
		let metadata = sp_io::TestExternalities::new_empty()
			.execute_with(|| peer_runtime::Runtime::metadata_at_version(15))
			.expect("V15");
		Runtime::from_metadata(peer_runtime::VERSION.spec_version, &metadata).unwrap()
	}

	fn who(n: u8) -> AccountId32 {
		AccountId32::from([n; 32])
	}

	type View = MissionView<AccountId32, u128, u32, peer_runtime::AssetKind>;

	#[test]
	fn the_runtime_apis_mission_is_read_by_its_field_names() {
		let rt = rt();
		let milestone = |status, deliverable| MilestoneView::<AccountId32, u128, u32> {
			description_hash: H256::repeat_byte(2),
			amount: 5,
			status,
			deliverable,
		};
		let view = View {
			id: 7,
			owner: who(1),
			title: b"t".to_vec(),
			content_hash: H256::repeat_byte(1),
			uri: None,
			status: MissionStatus::Active { terms_hash: H256::zero() },
			deadline: 100,
			options: MissionOptions::default(),
			asset: peer_runtime::AssetKind::Native,
			budget: 10,
			paid: 0,
			refunded: 0,
			escrowed: 10,
			milestones: vec![
				milestone(
					MilestoneStatus::Disputed { reason_hash: H256::repeat_byte(9), at: 3 },
					Some(DeliverableView {
						submitter: who(2),
						content_hash: H256::repeat_byte(4),
						uri: None,
						version: 1,
						submitted: 2,
					}),
				),
				milestone(MilestoneStatus::Open, None),
			],
			commitments: [2, 3]
				.map(|n| CommitmentView {
					who: who(n),
					share: Perbill::from_percent(50),
					bond: 0,
					status: CommitmentStatus::Accepted,
					signed: true,
				})
				.to_vec(),
		};
		let ty = rt.api_output_ty("MissionsApi", "mission").unwrap();
		let value = rt.decode_as(ty, &Some(view).encode()).unwrap();
		let Some(("Some", fields)) = variant(&value) else { panic!("{value:?}") };
		let facts = mission_of(&rt, fields.values().next().unwrap()).unwrap();
		assert_eq!(
			facts,
			MissionFacts {
				live: true,
				owner: who(1),
				committed: vec![who(2), who(3)],
				description: H256::repeat_byte(1),
				milestones: vec![
					MilestoneFacts {
						spec: H256::repeat_byte(2),
						deliverable: Some((H256::repeat_byte(4), who(2))),
						reason: Some(H256::repeat_byte(9)),
						disputed: true,
					},
					MilestoneFacts { spec: H256::repeat_byte(2), ..Default::default() },
				],
			}
		);
		let none = rt.decode_as(ty, &None::<View>.encode()).unwrap();
		assert!(matches!(variant(&none), Some(("None", _))));
	}

	#[test]
	fn proxies_without_delay_are_the_delegates() {
		let rt = rt();
		let definitions = vec![
			pallet_proxy::ProxyDefinition {
				delegate: who(5),
				proxy_type: peer_runtime::configs::organizations::ProxyType::Any,
				delay: 0u32,
			},
			pallet_proxy::ProxyDefinition {
				delegate: who(6),
				proxy_type: peer_runtime::configs::organizations::ProxyType::NonTransfer,
				delay: 10,
			},
		];
		let ty = rt.storage_ty("Proxy", "Proxies").unwrap();
		let value = rt.decode_as(ty, &(definitions, 7u128).encode()).unwrap();
		assert_eq!(delegates_of(&rt, &value), vec![who(5)]);
	}

	#[test]
	fn the_keys_read_are_the_runtimes() {
		let who = who(7);
		let key = |k: Vec<u8>| format!("0x{}", chain::hex(&k));
		assert_eq!(
			member_key(&who),
			key(pallet_consortium::Members::<peer_runtime::Runtime>::hashed_key_for(&who))
		);
		assert_eq!(
			proxies_key(&who),
			key(pallet_proxy::Proxies::<peer_runtime::Runtime>::hashed_key_for(&who))
		);
		assert_eq!(
			chain::storage_key("Council", "Members"),
			key(pallet_collective::Members::<peer_runtime::Runtime, pallet_collective::Instance1>::hashed_key().to_vec())
		);
	}

	#[test]
	fn a_multisigs_account_is_the_pallets() {
		let list = [who(3), who(1), who(2)];
		assert_eq!(
			super::super::access::multisig_account(&list, 2),
			pallet_multisig::Pallet::<peer_runtime::Runtime>::multi_account_id(
				&[who(1), who(2), who(3)],
				2
			)
		);
	}
}
