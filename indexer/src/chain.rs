//! Reading the chain: finalized heads, blocks, their events and time, over a
//! node's WebSocket RPC, each block decoded with the metadata of the runtime
//! that produced it (`decode`).

use crate::{
	decode::{call_parts, field, uint, Runtime},
	extract::{self, IndexedBlock},
};
use codec::Decode;
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use sp_core::H256;
use sp_crypto_hashing::twox_128;
use std::{collections::HashMap, sync::Arc};

/// A storage value's key (`System.Events`).
pub fn storage_key(pallet: &str, item: &str) -> String {
	format!("0x{}", hex(&storage_prefix(pallet, item)))
}

/// A storage item's prefix (its value's key, or its map's key prefix), as bytes.
pub fn storage_prefix(pallet: &str, item: &str) -> Vec<u8> {
	[twox_128(pallet.as_bytes()), twox_128(item.as_bytes())].concat()
}

pub fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(s: &str) -> Result<Vec<u8>, String> {
	let s = s.trim_start_matches("0x");
	if !s.len().is_multiple_of(2) {
		return Err(format!("odd hex length {}", s.len()));
	}
	(0..s.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| e.to_string()))
		.collect()
}

/// Why indexing cannot go on.
#[derive(Debug)]
pub enum ChainError {
	/// The node answered with an error or not at all.
	Rpc(String),
	/// The node no longer has the state of a block the indexer needs.
	Pruned { block: u32 },
	/// A block's data did not decode with its runtime's metadata.
	Decode { block: u32, what: String },
	/// The store refused the block (it does not follow the one it holds).
	Store(String),
}

impl std::fmt::Display for ChainError {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		match self {
			ChainError::Rpc(e) => write!(f, "RPC: {e}"),
			ChainError::Pruned { block } => write!(
				f,
				"the node has pruned the state of block #{block}, which the indexer still needs: \
				 index from a node run with `--state-pruning archive-canonical` (scripts/run.sh's \
				 dev node is), or start a new database from a recent block"
			),
			ChainError::Decode { block, what } => write!(
				f,
				"block #{block}: {what} did not decode with the metadata of the runtime that \
				 produced it"
			),
			ChainError::Store(e) => write!(f, "{e}"),
		}
	}
}

/// The node, over its RPC. Every method takes `&self`: several blocks are
/// fetched at once (the node answers one while the indexer writes another).
pub struct Chain {
	client: WsClient,
	events_key: String,
}

/// A block as the node sends it, not yet decoded.
pub struct RawBlock {
	pub number: u32,
	pub hash: H256,
	pub parent: H256,
	pub extrinsics: Vec<Vec<u8>>,
	/// `System.Events`, SCALE.
	pub events: Vec<u8>,
}

/// The runtimes met so far and the one the next block runs: blocks are
/// decoded in order through this, one after the other.
#[derive(Default)]
pub struct Runtimes {
	/// Every runtime version met so far, by `spec_version`.
	known: HashMap<u32, Arc<Runtime>>,
	/// The runtime of the next block to index (that of its parent's state);
	/// `None` at first and after a block that changed the code, until looked up.
	current: Option<Arc<Runtime>>,
}

impl Chain {
	pub async fn connect(url: &str) -> Result<Self, ChainError> {
		let client = WsClientBuilder::default()
			.max_response_size(256 * 1024 * 1024)
			.build(url)
			.await
			.map_err(|e| ChainError::Rpc(format!("cannot connect to {url}: {e}")))?;
		Ok(Self { client, events_key: storage_key("System", "Events") })
	}

	/// The runtime whose state `at` is: its version, and its metadata (V15),
	/// fetched once per version and kept in `runtimes`.
	pub async fn runtime_at(
		&self,
		runtimes: &mut Runtimes,
		at: H256,
		number: u32,
	) -> Result<Arc<Runtime>, ChainError> {
		// The runtime is read from the block's state: a pruned one is `Pruned`.
		let pruned = |e: ChainError| match e {
			ChainError::Rpc(text) if text.contains("discarded") || text.contains("pruned") => {
				ChainError::Pruned { block: number }
			}
			other => other,
		};
		let version: serde_json::Value = self
			.call("state_getRuntimeVersion", rpc_params![format!("{at:?}")])
			.await
			.map_err(pruned)?;
		let spec = version["specVersion"]
			.as_u64()
			.ok_or_else(|| ChainError::Rpc(format!("no specVersion at #{number}")))?
			as u32;
		if let Some(rt) = runtimes.known.get(&spec) {
			return Ok(rt.clone());
		}
		let answer: String = self
			.call(
				"state_call",
				rpc_params!["Metadata_metadata_at_version", "0x0f000000", format!("{at:?}")],
			)
			.await
			.map_err(pruned)?;
		let bytes = unhex(&answer).map_err(ChainError::Rpc)?;
		let metadata =
			Option::<Vec<u8>>::decode(&mut &bytes[..]).ok().flatten().ok_or_else(|| {
				ChainError::Decode {
					block: number,
					what: format!("runtime {spec}'s metadata (V15)"),
				}
			})?;
		let rt = Arc::new(
			Runtime::from_metadata(spec, &metadata)
				.map_err(|what| ChainError::Decode { block: number, what })?,
		);
		let unknown = extract::unknown_events(&rt);
		eprintln!(
			"[indexer] runtime {spec} from block #{number}: {} events{}",
			rt.event_names().len(),
			if unknown.is_empty() {
				String::new()
			} else {
				format!(
					"; these move money in ways this indexer does not know, and are stored \
					 without movements: {}",
					unknown.join(", ")
				)
			}
		);
		runtimes.known.insert(spec, rt.clone());
		Ok(rt)
	}

	/// The runtime of the finalized block `head` (its metadata kept per version).
	pub async fn runtime_at_head(
		&self,
		runtimes: &mut Runtimes,
		head: H256,
	) -> Result<Arc<Runtime>, ChainError> {
		self.runtime_at(runtimes, head, 0).await
	}

	pub async fn call<R: serde::de::DeserializeOwned>(
		&self,
		method: &str,
		params: jsonrpsee::core::params::ArrayParams,
	) -> Result<R, ChainError> {
		self.client
			.request(method, params)
			.await
			.map_err(|e| ChainError::Rpc(format!("{method}: {e}")))
	}

	/// The number of the last finalized block.
	pub async fn finalized(&self) -> Result<u32, ChainError> {
		let hash: String = self.call("chain_getFinalizedHead", rpc_params![]).await?;
		let header: serde_json::Value = self.call("chain_getHeader", rpc_params![hash]).await?;
		number_of(&header)
	}

	/// The hash of block `number` on the canonical chain.
	pub async fn hash_of(&self, number: u32) -> Result<H256, ChainError> {
		let hash: Option<String> = self.call("chain_getBlockHash", rpc_params![number]).await?;
		let hash = hash.ok_or_else(|| ChainError::Rpc(format!("no block #{number}")))?;
		let bytes = unhex(&hash).map_err(ChainError::Rpc)?;
		Ok(H256::from_slice(&bytes))
	}

	pub async fn storage(
		&self,
		key: &str,
		at: H256,
		number: u32,
	) -> Result<Option<Vec<u8>>, ChainError> {
		let value: Result<Option<String>, _> =
			self.client.request("state_getStorage", rpc_params![key, format!("{at:?}")]).await;
		match value {
			Ok(v) => v.map(|v| unhex(&v).map_err(ChainError::Rpc)).transpose(),
			Err(e) => {
				let text = e.to_string();
				if text.contains("discarded") || text.contains("pruned") {
					Err(ChainError::Pruned { block: number })
				} else {
					Err(ChainError::Rpc(format!("state_getStorage at #{number}: {text}")))
				}
			}
		}
	}

	/// Block `number`: its extrinsics, events and time, as the node has them.
	pub async fn fetch(&self, number: u32) -> Result<RawBlock, ChainError> {
		let hash = self.hash_of(number).await?;
		let block: serde_json::Value =
			self.call("chain_getBlock", rpc_params![format!("{hash:?}")]).await?;
		let parent = block["block"]["header"]["parentHash"]
			.as_str()
			.ok_or_else(|| ChainError::Rpc(format!("block #{number} without a parent hash")))
			.and_then(|h| unhex(h).map_err(ChainError::Rpc))
			.map(|b| H256::from_slice(&b))?;
		let extrinsics: Vec<Vec<u8>> = block["block"]["extrinsics"]
			.as_array()
			.into_iter()
			.flatten()
			.map(|xt| unhex(xt.as_str().unwrap_or_default()).map_err(ChainError::Rpc))
			.collect::<Result<_, _>>()?;
		let events = self.storage(&self.events_key, hash, number).await?.unwrap_or_default();
		Ok(RawBlock { number, hash, parent, extrinsics, events })
	}
}

impl Runtimes {
	/// A block, decoded with the runtime of its parent's state (the block that
	/// applies new code ran the old one). Blocks come in order.
	pub async fn decode(
		&mut self,
		chain: &Chain,
		block: RawBlock,
	) -> Result<IndexedBlock, ChainError> {
		let RawBlock { number, hash, parent, extrinsics: raw, events: events_raw } = block;
		let rt = match self.current.clone() {
			Some(rt) => rt,
			None => chain.runtime_at(self, if number == 0 { hash } else { parent }, number).await?,
		};
		let decoded = |rt: &Runtime| -> Result<_, ChainError> {
			let mut extrinsics = Vec::new();
			for (i, bytes) in raw.iter().enumerate() {
				extrinsics.push(rt.extrinsic(bytes).map_err(|e| ChainError::Decode {
					block: number,
					what: format!("extrinsic {i} ({e})"),
				})?);
			}
			let events = if events_raw.is_empty() {
				Vec::new()
			} else {
				rt.events(&events_raw).map_err(|e| ChainError::Decode {
					block: number,
					what: format!("the events ({e})"),
				})?
			};
			Ok((extrinsics, events))
		};
		// A runtime kept from an earlier block that does not decode this one: the
		// code changed without `System.CodeUpdated` (a raw storage write); look
		// the block's runtime up once more.
		let (rt, (extrinsics, events)) = match decoded(&rt) {
			Ok(d) => (rt, d),
			Err(e) if self.current.is_some() => {
				let fresh = chain.runtime_at(self, parent, number).await?;
				if fresh.spec_version == rt.spec_version {
					return Err(e);
				}
				let d = decoded(&fresh)?;
				(fresh, d)
			}
			Err(e) => return Err(e),
		};
		// After new code, the next block runs it: look its runtime up then.
		let upgraded = events.iter().any(|e| e.pallet == "System" && e.name == "CodeUpdated");
		self.current = (!upgraded).then(|| rt.clone());
		// The block's time: its `timestamp.set` inherent (what `Timestamp.Now`
		// holds after it); none in the genesis block.
		let time_ms = extrinsics
			.iter()
			.find_map(|xt| match call_parts(&xt.call) {
				Some(("Timestamp", "set", fields)) => field(fields, "now").and_then(uint),
				_ => None,
			})
			.unwrap_or_default() as u64;
		Ok(extract::block(&rt, number, hash, parent, time_ms, &extrinsics, events))
	}
}

fn number_of(header: &serde_json::Value) -> Result<u32, ChainError> {
	let n =
		header["number"].as_str().ok_or_else(|| ChainError::Rpc("header without number".into()))?;
	u32::from_str_radix(n.trim_start_matches("0x"), 16).map_err(|e| ChainError::Rpc(e.to_string()))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn storage_keys_are_the_twox_prefixes() {
		// `System.Events`, as every Substrate chain stores it.
		assert_eq!(
			storage_key("System", "Events"),
			"0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7"
		);
	}

	#[test]
	fn hex_round_trips_and_refuses_odd_lengths() {
		assert_eq!(unhex(&format!("0x{}", hex(&[0, 1, 254, 255]))).unwrap(), vec![0, 1, 254, 255]);
		assert!(unhex("0xabc").is_err());
		assert!(unhex("0xzz").is_err());
	}
}
