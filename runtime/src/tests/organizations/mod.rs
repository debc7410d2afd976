//! Firms on Peer: proxy allow-lists checked against every call of the
//! runtime, and a firm's life told through `RuntimeCall`s (dispatched as a
//! signed transaction's call is, through the call filter).
//!
//! The firm's member account is a pure proxy; its directors' 2-of-3 multisig
//! holds `Any` on it; its staff hold `MissionContributor` or
//! `MissionManager`.
//!
//! - `allow_lists`: each proxy type's calls, held to every call of the runtime;
//! - `firm`: a firm founded, admitted, staffed and paid, and what its staff cannot do;
//! - `members_md`: docs/MEMBERS.md's table of proxy types held to the lists.

use crate::{
	configs::organizations::ProxyType,
	tests::{council_motion, dispatch, genesis_of, reported, Wrapper},
	AccountId, Balances, Missions, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, UNIT,
};
use codec::{Decode, Encode};
use frame_support::{
	assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::InspectHold, Get, GetCallMetadata, InstanceFilter},
};
use pallet_missions::{MilestoneSpec, MissionStatus};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie};
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	DispatchError, DispatchResult, MultiAddress, Perbill,
};

fn who(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

/// Sends `call` signed by `from`, through the runtime's call filter.
fn send(from: &AccountId, call: RuntimeCall) -> DispatchResult {
	dispatch(from.clone(), call)
}

/// `call`, made by a proxy for `real`.
fn as_proxy(real: &AccountId, call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Proxy(pallet_proxy::Call::proxy {
		real: MultiAddress::Id(real.clone()),
		force_proxy_type: None,
		call: Box::new(call),
	})
}

fn batch(calls: Vec<RuntimeCall>) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::batch { calls })
}

fn transfer(to: &AccountId, value: u128) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(to.clone()),
		value,
	})
}

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark_with_event { remark: b"hello".to_vec() })
}

/// The result of the last call a proxy made.
fn last_proxy_result() -> Option<DispatchResult> {
	reported(Wrapper::Proxy)
}

fn filtered() -> DispatchError {
	frame_system::Error::<Runtime>::CallFiltered.into()
}

mod allow_lists;
mod firm;
mod members_md;

use allow_lists::{listed, CONTRIBUTOR, GOVERNANCE, MANAGER, NON_TRANSFER};
