//! How the pallet talks to the rest of the runtime: who is a member, what
//! reputation an account has, and whom to tell when work is settled.

use crate::{MilestoneIndex, MissionId};
use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// An outcome for one account, reported when it is settled on-chain.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum Settlement<Balance> {
	/// A milestone the account worked on was paid; `amount` is its part.
	MilestonePaid {
		/// The milestone.
		milestone: MilestoneIndex,
		/// What the account received.
		amount: Balance,
		/// Whether it was approved on the first submission.
		first_try: bool,
		/// Whether `amount` is in the native currency (a mission paid in
		/// another asset reports its own units).
		native: bool,
	},
	/// The owner rejected a milestone the account is on the roster of.
	MilestoneRejected {
		/// The milestone.
		milestone: MilestoneIndex,
	},
	/// Governance upheld a rejection the account disputed.
	DisputeLost {
		/// The milestone.
		milestone: MilestoneIndex,
	},
	/// Governance found for the account, wholly or partly, and it was paid
	/// something. (A verdict that pays it nothing is reported as
	/// `DisputeLost`.)
	DisputeWon {
		/// The milestone.
		milestone: MilestoneIndex,
		/// What the account received by the verdict.
		amount: Balance,
	},
	/// The account's bond was forfeited (it abandoned, or delivered nothing
	/// before the mission expired).
	BondForfeited {
		/// The bond lost.
		amount: Balance,
	},
	/// Every milestone of a mission the account was on the roster of is settled.
	MissionCompleted {
		/// Everything the account was paid in that mission.
		earned: Balance,
	},
	/// A mission the account was on the roster of expired with unsettled work.
	MissionExpired {
		/// Whether the account had delivered anything.
		delivered: bool,
	},
}

/// Told of every settlement: the reputation pallet counts them.
pub trait OnSettled<AccountId, Balance> {
	/// `who` had `outcome` in `mission`, which `owner` posted and paid for.
	fn on_settled(
		mission: MissionId,
		owner: &AccountId,
		who: &AccountId,
		outcome: Settlement<Balance>,
	);
}

impl<AccountId, Balance> OnSettled<AccountId, Balance> for () {
	fn on_settled(_: MissionId, _: &AccountId, _: &AccountId, _: Settlement<Balance>) {}
}

/// Reads an account's reputation score, for missions that ask for a minimum.
pub trait ReputationOf<AccountId> {
	/// The current score of `who`; higher is better.
	fn reputation_of(who: &AccountId) -> u32;
}

/// Without a reputation system every account scores 0: missions that ask for
/// a positive minimum cannot be joined.
impl<AccountId> ReputationOf<AccountId> for () {
	fn reputation_of(_: &AccountId) -> u32 {
		0
	}
}

/// What benchmarks need from the runtime to set the scene.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, AssetKind, Balance> {
	/// Makes `who` a consortium member.
	fn make_member(who: &AccountId);
	/// An asset other than the native currency that missions may be paid in (with a
	/// minimum budget of at most `amount`), with `amount` of it issued to `who`:
	/// escrow in an asset costs more than in the native currency, so the
	/// benchmarks use one. `None`: they use the native currency.
	fn issue_asset(_who: &AccountId, _amount: Balance) -> Option<AssetKind> {
		None
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<AccountId, AssetKind, Balance> BenchmarkHelper<AccountId, AssetKind, Balance> for () {
	fn make_member(_: &AccountId) {}
}
