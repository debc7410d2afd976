//! The runtime's tests, by concern, and the helpers they share:
//! - `genesis`: the presets, identity, limits and weights of the runtime as built;
//! - `governance`: council stories run through `RuntimeCall`s;
//! - `organizations/`: firms acting through proxies, multisigs and identities
//!   (`allow_lists`, `firm`, `members_md`);
//! - `escalation`: no faction below three quarters reaches Root or takes the validators;
//! - `random_calls`: random call sequences against every invariant;
//! - `try_runtime`: the pending migrations' checks on a snapshot of a live chain.
//!
//! Shared: `genesis_of` (a preset's state), `dispatch` (a signed call through
//! the call filter, as a transaction's), `reported` (the result a wrapping call
//! reports in its event: a motion executed, a proxy's or a multisig's call, a
//! call as Root) and `council_motion` with `Motion` (the council's one way to
//! propose, vote and close).

use crate::{
	configs::governance::CouncilCollective, genesis_config_presets, AccountId, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, RuntimeOrigin, System,
};
use codec::Encode;
use frame_support::dispatch::GetDispatchInfo;
use serde_json::Value;
use sp_core::H256;
use sp_runtime::{
	traits::{Dispatchable, Hash},
	DispatchResult, Weight,
};

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

/// Sends `call` signed by `who`, through the runtime's call filter, as a
/// transaction's call is dispatched.
pub(crate) fn dispatch(who: impl Into<AccountId>, call: RuntimeCall) -> DispatchResult {
	call.dispatch(RuntimeOrigin::signed(who.into())).map(|_| ()).map_err(|e| e.error)
}

/// What a wrapping call reports of the call it carries, in its event (the
/// wrapping call itself succeeds whatever the inner one does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wrapper {
	/// `council.close` (or a threshold-1 `propose`): `Council.Executed`.
	Motion,
	/// `consortium.dispatchAsRoot`: `Consortium.DispatchedAsRoot`.
	AsRoot,
	/// `proxy.proxy`: `Proxy.ProxyExecuted`.
	Proxy,
	/// `multisig.asMulti` with the last approval: `Multisig.MultisigExecuted`.
	Multisig,
}

/// The result `wrapper` reported last, if it reported any.
pub(crate) fn reported(wrapper: Wrapper) -> Option<DispatchResult> {
	System::events().iter().rev().find_map(|e| reported_by(wrapper, &e.event))
}

fn reported_by(wrapper: Wrapper, event: &RuntimeEvent) -> Option<DispatchResult> {
	match (wrapper, event) {
		(
			Wrapper::Motion,
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }),
		) => Some(*result),
		(
			Wrapper::AsRoot,
			RuntimeEvent::Consortium(pallet_consortium::Event::DispatchedAsRoot { result }),
		) => Some(*result),
		(Wrapper::Proxy, RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result })) => {
			Some(*result)
		}
		(
			Wrapper::Multisig,
			RuntimeEvent::Multisig(pallet_multisig::Event::MultisigExecuted { result, .. }),
		) => Some(*result),
		_ => None,
	}
}

/// A council motion on `call`: the calls that propose it, vote on it and close it.
pub(crate) struct Motion {
	call: RuntimeCall,
	pub hash: H256,
	/// The index `propose` will give it (the next one).
	pub index: u32,
	length: u32,
	weight: Weight,
}

impl Motion {
	pub fn of(call: RuntimeCall) -> Self {
		Motion {
			hash: <Runtime as frame_system::Config>::Hashing::hash_of(&call),
			index: pallet_collective::ProposalCount::<Runtime, CouncilCollective>::get(),
			length: call.encode().len() as u32,
			weight: call.get_dispatch_info().total_weight(),
			call,
		}
	}

	/// The motion already open on `call` under `index`.
	pub fn with_index(mut self, index: u32) -> Self {
		self.index = index;
		self
	}

	pub fn propose(&self, threshold: u32) -> RuntimeCall {
		RuntimeCall::Council(pallet_collective::Call::propose {
			threshold,
			proposal: Box::new(self.call.clone()),
			length_bound: self.length,
		})
	}

	pub fn vote(&self, approve: bool) -> RuntimeCall {
		RuntimeCall::Council(pallet_collective::Call::vote {
			proposal: self.hash,
			index: self.index,
			approve,
		})
	}

	pub fn close(&self) -> RuntimeCall {
		RuntimeCall::Council(pallet_collective::Call::close {
			proposal_hash: self.hash,
			index: self.index,
			proposal_weight_bound: self.weight,
			length_bound: self.length,
		})
	}

	/// What became of this motion, from the events raised since `from`.
	fn outcome(&self, from: usize) -> Outcome {
		let mut outcome = Outcome { approved: false, executed: None };
		for e in System::events().iter().skip(from) {
			match &e.event {
				RuntimeEvent::Council(pallet_collective::Event::Approved { proposal_hash })
					if *proposal_hash == self.hash =>
				{
					outcome.approved = true
				}
				RuntimeEvent::Council(pallet_collective::Event::Executed {
					proposal_hash,
					result,
				}) if *proposal_hash == self.hash => {
					outcome.approved = true;
					outcome.executed = Some(*result);
				}
				_ => {}
			}
		}
		outcome
	}
}

/// What a council motion came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Outcome {
	/// It reached its threshold (and was executed, see `executed`).
	pub approved: bool,
	/// The motion's call's own result, if it was executed.
	pub executed: Option<DispatchResult>,
}

/// The council's motion on `call`, as members send it: `proposer` proposes it
/// with `threshold`, each of `ayes` votes for it and each of `nays` against,
/// and `proposer` closes it (a threshold of 1 executes at the proposal). Every
/// step is a signed call through the call filter and must be accepted.
pub(crate) fn council_motion<A: Clone + Into<AccountId>>(
	proposer: A,
	call: RuntimeCall,
	threshold: u32,
	ayes: &[A],
	nays: &[A],
) -> Outcome {
	let motion = Motion::of(call);
	let from = System::events().len();
	dispatch(proposer.clone(), motion.propose(threshold)).expect("the motion is proposed");
	if threshold > 1 {
		for (who, approve) in ayes.iter().map(|a| (a, true)).chain(nays.iter().map(|n| (n, false)))
		{
			dispatch(who.clone(), motion.vote(approve)).expect("the vote is counted");
		}
		dispatch(proposer, motion.close()).expect("the motion is closed");
	}
	motion.outcome(from)
}
