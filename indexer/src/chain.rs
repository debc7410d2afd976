//! Reading the chain: finalized heads, blocks, their events and time, over a
//! node's WebSocket RPC, decoded with the runtime's own types.

use crate::extract::{self, IndexedBlock};
use codec::Decode;
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use peer_runtime::{RuntimeEvent, UncheckedExtrinsic};
use sp_core::H256;
use sp_io::hashing::twox_128;

/// `System.Events` and `Timestamp.Now`, as storage keys.
fn storage_key(pallet: &str, item: &str) -> String {
	let mut key = twox_128(pallet.as_bytes()).to_vec();
	key.extend(twox_128(item.as_bytes()));
	format!("0x{}", hex(&key))
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Result<Vec<u8>, String> {
	let s = s.trim_start_matches("0x");
	if s.len() % 2 != 0 {
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
	/// A block's data did not decode with this build's runtime types.
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
				"block #{block}: {what} did not decode with this build's runtime types; the \
				 indexer must be built with the runtime that produced the block"
			),
			ChainError::Store(e) => write!(f, "{e}"),
		}
	}
}

pub struct Chain {
	client: WsClient,
	events_key: String,
	now_key: String,
}

impl Chain {
	pub async fn connect(url: &str) -> Result<Self, ChainError> {
		let client = WsClientBuilder::default()
			.max_response_size(256 * 1024 * 1024)
			.build(url)
			.await
			.map_err(|e| ChainError::Rpc(format!("cannot connect to {url}: {e}")))?;
		Ok(Self {
			client,
			events_key: storage_key("System", "Events"),
			now_key: storage_key("Timestamp", "Now"),
		})
	}

	async fn call<R: serde::de::DeserializeOwned>(
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

	async fn storage(
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

	/// Block `number`: its extrinsics, events and time, decoded.
	pub async fn block(&self, number: u32) -> Result<IndexedBlock, ChainError> {
		let hash = self.hash_of(number).await?;
		let block: serde_json::Value =
			self.call("chain_getBlock", rpc_params![format!("{hash:?}")]).await?;
		let parent = block["block"]["header"]["parentHash"]
			.as_str()
			.ok_or_else(|| ChainError::Rpc(format!("block #{number} without a parent hash")))
			.and_then(|h| unhex(h).map_err(ChainError::Rpc))
			.map(|b| H256::from_slice(&b))?;
		let mut extrinsics = Vec::new();
		for (i, xt) in block["block"]["extrinsics"].as_array().into_iter().flatten().enumerate() {
			let bytes = unhex(xt.as_str().unwrap_or_default()).map_err(ChainError::Rpc)?;
			let xt = UncheckedExtrinsic::decode(&mut &bytes[..]).map_err(|e| {
				ChainError::Decode { block: number, what: format!("extrinsic {i} ({e})") }
			})?;
			extrinsics.push(xt);
		}
		let events = match self.storage(&self.events_key, hash, number).await? {
			Some(bytes) => {
				Vec::<frame_system::EventRecord<RuntimeEvent, H256>>::decode(&mut &bytes[..])
					.map_err(|e| ChainError::Decode {
						block: number,
						what: format!("the events ({e})"),
					})?
			}
			None => Vec::new(),
		};
		let time_ms = match self.storage(&self.now_key, hash, number).await? {
			Some(bytes) => u64::decode(&mut &bytes[..]).unwrap_or_default(),
			None => 0,
		};
		Ok(extract::block(number, hash, parent, time_ms, &extrinsics, events))
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
