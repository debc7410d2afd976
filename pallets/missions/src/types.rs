//! The records the pallet stores and the arguments its calls take.

use crate::Config;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::*, traits::fungible::Inspect, CloneNoBound, DebugNoBound, EqNoBound,
	PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{Perbill, Saturating};

/// A mission's identifier, assigned by the chain in creation order.
pub type MissionId = u32;
/// A milestone's position in its mission, from 0.
pub type MilestoneIndex = u32;
/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// An account of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// A mission as `MissionsApi::mission` shows it, in a runtime's own types.
pub type MissionViewOf<T> = MissionView<
	AccountIdOf<T>,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::AssetKind,
>;
/// Who was paid what by one milestone's payout.
pub type PayoutsOf<T> = Vec<(AccountIdOf<T>, BalanceOf<T>)>;

/// A milestone as the owner proposes it: what is to be delivered (the hash of
/// its description, kept off-chain) and what it pays.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct MilestoneSpec<Balance> {
	/// Hash of the milestone's description document.
	pub description_hash: H256,
	/// The reward paid to the roster when the milestone is approved.
	pub amount: Balance,
}

/// Choices the owner makes when posting a mission.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct MissionOptions<Balance> {
	/// Whether accounts outside the consortium may commit.
	pub open_to_non_members: bool,
	/// The bond each commitment holds (at least the chain's `MinimumBond`).
	pub min_bond: Balance,
	/// The reputation score a would-be contributor needs.
	pub min_reputation: u32,
}

/// How a dispute over a rejected milestone is settled.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum Verdict {
	/// The rejection was wrong: the milestone is paid in full.
	Approve,
	/// The rejection stands: the roster may resubmit before the deadline.
	UpholdRejection,
	/// This fraction of the milestone is paid to the roster, the rest refunded
	/// to the owner; the milestone is settled.
	Split(Perbill),
}

/// Where a milestone stands.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum MilestoneStatus<Balance, BlockNumber> {
	/// Nothing delivered yet.
	Open,
	/// A deliverable awaits the owner's review.
	Submitted,
	/// The owner rejected the deliverable; the roster may resubmit (before
	/// the deadline) or dispute (unless governance already upheld it).
	Rejected {
		/// Hash of the owner's reasons.
		reason_hash: H256,
		/// The block of the rejection: the dispute period runs from here.
		at: BlockNumber,
		/// Whether governance upheld this rejection: it cannot be disputed again.
		upheld: bool,
	},
	/// Frozen until governance resolves the dispute.
	Disputed {
		/// Hash of the owner's reasons for the rejection under dispute.
		reason_hash: H256,
		/// The block of the rejection under dispute.
		at: BlockNumber,
	},
	/// Paid to the roster in full.
	Paid,
	/// Settled by a split verdict.
	Split {
		/// What the roster received.
		paid: Balance,
		/// What went back to the owner.
		refunded: Balance,
	},
}

impl<Balance, BlockNumber> MilestoneStatus<Balance, BlockNumber> {
	/// Whether the milestone needs nothing more.
	pub fn is_settled(&self) -> bool {
		matches!(self, Self::Paid | Self::Split { .. })
	}
}

/// A milestone of a mission.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Milestone<Balance, BlockNumber> {
	/// Hash of the milestone's description document.
	pub description_hash: H256,
	/// The reward for this milestone (forfeited bonds may have raised it).
	pub amount: Balance,
	/// Where it stands.
	pub status: MilestoneStatus<Balance, BlockNumber>,
}

/// A mission's phase.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum MissionStatus {
	/// Taking commitments; the owner accepts or rejects them.
	Recruiting,
	/// Terms proposed; waiting for every contributor's signature.
	Agreeing {
		/// The hash each contributor signs.
		terms_hash: H256,
	},
	/// Terms signed by all: work, delivery and payouts.
	Active {
		/// The terms everyone signed.
		terms_hash: H256,
	},
}

/// What the mission is, for people: a title, the hash of its full
/// description and where to read it.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct MissionMetadata<T: Config> {
	/// A short title.
	pub title: BoundedVec<u8, T::MaxTitleLen>,
	/// Hash of the mission's full description.
	pub content_hash: H256,
	/// Where the description can be read.
	pub uri: Option<BoundedVec<u8, T::MaxUriLen>>,
}

/// A mission: its budget in escrow, milestones, roster and phase.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Mission<T: Config> {
	/// Who posted it and funds it.
	pub owner: AccountIdOf<T>,
	/// What it is about.
	pub metadata: MissionMetadata<T>,
	/// The milestones, paid one by one.
	pub milestones: BoundedVec<Milestone<BalanceOf<T>, BlockNumberFor<T>>, T::MaxMilestones>,
	/// The last block at which deliverables are accepted.
	pub deadline: BlockNumberFor<T>,
	/// Blocks after the deadline during which the owner may still review,
	/// fixed when the mission is posted (a later change of the chain's
	/// parameter does not touch running missions).
	pub review_period: BlockNumberFor<T>,
	/// The owner's choices for commitments.
	pub options: MissionOptions<BalanceOf<T>>,
	/// The phase.
	pub status: MissionStatus,
	/// Accepted contributors and their shares of every payout, in acceptance order.
	pub roster: BoundedVec<(AccountIdOf<T>, Perbill), T::MaxContributors>,
	/// How many commitments await the owner's decision.
	pub pending: u32,
	/// Everything ever escrowed: the milestones' sum (with forfeited bonds).
	pub budget: BalanceOf<T>,
	/// What has been paid to contributors.
	pub paid: BalanceOf<T>,
	/// What has gone back to the owner (including `owed`).
	pub refunded: BalanceOf<T>,
	/// Refunds the owner's account could not receive yet (they would have
	/// left it below the existential deposit): still held as escrow, released
	/// right after the deposit when the mission's records are removed.
	pub owed: BalanceOf<T>,
	/// The storage deposit held from the owner.
	pub deposit: BalanceOf<T>,
	/// The block it was created in.
	pub created: BlockNumberFor<T>,
	/// What the milestones are paid in (escrow, payouts, refunds); the deposit
	/// and bonds are in the native currency.
	pub asset: T::AssetKind,
}

impl<T: Config> Mission<T> {
	/// What is still in escrow for the milestones.
	pub fn escrowed(&self) -> BalanceOf<T> {
		self.budget.saturating_sub(self.paid).saturating_sub(self.refunded)
	}

	/// What the owner's escrow hold carries for this mission: the unpaid
	/// budget and the refunds it could not receive yet.
	pub fn escrow_held(&self) -> BalanceOf<T> {
		self.escrowed().saturating_add(self.owed)
	}

	/// The last block at which the owner may review a deliverable.
	pub fn review_ends(&self) -> BlockNumberFor<T> {
		self.deadline.saturating_add(self.review_period)
	}

	/// The roster position of `who`.
	pub fn roster_position(&self, who: &AccountIdOf<T>) -> Option<usize> {
		self.roster.iter().position(|(a, _)| a == who)
	}

	/// The sum of the roster's shares (saturating at the whole).
	pub fn accepted_shares(&self) -> Perbill {
		self.roster.iter().fold(Perbill::zero(), |acc, (_, s)| acc.saturating_add(*s))
	}

	/// Whether every milestone is settled.
	pub fn all_settled(&self) -> bool {
		self.milestones.iter().all(|m| m.status.is_settled())
	}
}

/// Changes of an active mission's terms, pending until every contributor on
/// the roster agreed to them.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Amendment<T: Config> {
	/// What is added to existing milestones: (index, amount).
	pub top_ups: BoundedVec<(MilestoneIndex, BalanceOf<T>), T::MaxMilestones>,
	/// Milestones added: (description hash, amount).
	pub added: BoundedVec<(H256, BalanceOf<T>), T::MaxMilestones>,
	/// The deadline it sets (the one in force if it does not move it).
	pub deadline: BlockNumberFor<T>,
	/// The terms hash of the amended terms (`terms_hash_of` with them): what
	/// each contributor agrees to.
	pub terms_hash: H256,
	/// The contributors who agreed to `terms_hash`.
	pub agreed: BoundedVec<AccountIdOf<T>, T::MaxContributors>,
	/// Held from the owner for it, in the mission's asset, beyond the budget.
	pub escrow: BalanceOf<T>,
}

/// What `reject_commitment` turned down, for its weight.
pub enum RejectedCommitment {
	/// A pending commitment (its fee was taken).
	Pending,
	/// A commitment on the roster of this size before it left.
	Accepted {
		/// The roster's size before (what the call's weight is charged for).
		roster: u32,
	},
}

/// Where a commitment stands.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum CommitmentStatus {
	/// Awaiting the owner's decision.
	Pending,
	/// On the roster.
	Accepted,
}

/// An account's commitment to a mission.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Commitment<T: Config> {
	/// The share of each payout asked for.
	pub share: Perbill,
	/// Hash of the role description the contributor commits to.
	pub role_hash: H256,
	/// The bond held from the contributor.
	pub bond: BalanceOf<T>,
	/// What the owner's turning down this commitment while it is pending
	/// costs it: the chain's `MinimumBond` when it committed (a later vote
	/// does not change what was agreed).
	pub fee: BalanceOf<T>,
	/// Pending or accepted.
	pub status: CommitmentStatus,
	/// Whether the contributor signed the current terms.
	pub signed: bool,
	/// Whether the contributor submitted any deliverable.
	pub delivered: bool,
}

/// The latest deliverable of a milestone.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Deliverable<T: Config> {
	/// Who submitted it.
	pub submitter: AccountIdOf<T>,
	/// Hash of the delivered content.
	pub content_hash: H256,
	/// Where the content can be fetched.
	pub uri: Option<BoundedVec<u8, T::MaxUriLen>>,
	/// 1 for the first submission, one more for each resubmission.
	pub version: u32,
	/// The block it was submitted in.
	pub submitted: BlockNumberFor<T>,
}

/// A mission as the runtime API returns it: everything about it in one value.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct MissionView<AccountId, Balance, BlockNumber, AssetKind> {
	/// The mission's identifier.
	pub id: MissionId,
	/// Who posted it.
	pub owner: AccountId,
	/// The title.
	pub title: Vec<u8>,
	/// Hash of the full description.
	pub content_hash: H256,
	/// Where the description can be read.
	pub uri: Option<Vec<u8>>,
	/// The phase.
	pub status: MissionStatus,
	/// The last block at which deliverables are accepted.
	pub deadline: BlockNumber,
	/// The owner's options (the bond is in the native currency).
	pub options: MissionOptions<Balance>,
	/// What the budget, milestones, payouts and refunds are in.
	pub asset: AssetKind,
	/// Everything ever escrowed.
	pub budget: Balance,
	/// Paid to contributors so far.
	pub paid: Balance,
	/// Refunded to the owner so far.
	pub refunded: Balance,
	/// Still in escrow.
	pub escrowed: Balance,
	/// The milestones with their status and latest deliverable.
	pub milestones: Vec<MilestoneView<AccountId, Balance, BlockNumber>>,
	/// Every commitment, pending or accepted.
	pub commitments: Vec<CommitmentView<AccountId, Balance>>,
}

/// A milestone with its latest deliverable.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct MilestoneView<AccountId, Balance, BlockNumber> {
	/// Hash of the milestone's description.
	pub description_hash: H256,
	/// Its reward.
	pub amount: Balance,
	/// Where it stands.
	pub status: MilestoneStatus<Balance, BlockNumber>,
	/// The latest deliverable, if any.
	pub deliverable: Option<DeliverableView<AccountId, BlockNumber>>,
}

/// A milestone's latest deliverable, as the runtime API shows it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct DeliverableView<AccountId, BlockNumber> {
	/// The contributor who submitted it.
	pub submitter: AccountId,
	/// Hash of the delivered content.
	pub content_hash: H256,
	/// Where the content can be fetched.
	pub uri: Option<Vec<u8>>,
	/// 1 for the first submission, one more for each resubmission.
	pub version: u32,
	/// The block it was submitted in.
	pub submitted: BlockNumber,
}

/// A commitment, as the runtime API shows it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct CommitmentView<AccountId, Balance> {
	/// The contributor.
	pub who: AccountId,
	/// The share asked for.
	pub share: Perbill,
	/// The bond held.
	pub bond: Balance,
	/// Pending or accepted.
	pub status: CommitmentStatus,
	/// Whether the current terms are signed.
	pub signed: bool,
}

/// The missions an account takes part in.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub struct AccountMissions {
	/// Missions it posted.
	pub owned: Vec<MissionId>,
	/// Missions it committed to (pending or accepted).
	pub committed: Vec<MissionId>,
}

/// A call an account may make on one live mission now (`MissionsApi::mission_actions`):
/// the pallet's own checks, tried on the current state and rolled back, accepted
/// it. A call that takes an amount or a share is offered when a valid one would
/// be accepted; the amount itself is the caller's to choose and the pallet's to
/// check.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum MissionAction<AccountId> {
	/// `commit`: a share of the roster is still free for this account. Offered
	/// even when its balance cannot cover the bond or its reputation is below
	/// the mission's minimum (its own standing: the board shows the chain's answer).
	Commit,
	/// `withdraw_commitment`.
	WithdrawCommitment,
	/// As owner, `accept_commitment` of `who`.
	AcceptCommitment {
		/// The committed account.
		who: AccountId,
	},
	/// As owner, `reject_commitment` of `who` (turn a pending commitment down,
	/// or take an accepted one off the roster).
	RejectCommitment {
		/// The committed account.
		who: AccountId,
	},
	/// As owner, `propose_terms`.
	ProposeTerms,
	/// As contributor, `sign_terms` with this hash.
	SignTerms {
		/// The hash to sign.
		terms_hash: H256,
	},
	/// As contributor, `submit_deliverable` for this milestone.
	Deliver {
		/// The milestone.
		milestone: MilestoneIndex,
	},
	/// As owner, `approve_milestone` and `reject_milestone` of this milestone.
	Review {
		/// The milestone.
		milestone: MilestoneIndex,
	},
	/// As contributor, `dispute_milestone`.
	Dispute {
		/// The milestone.
		milestone: MilestoneIndex,
	},
	/// As contributor, `abandon` (forfeits the bond).
	Abandon,
	/// As owner, `cancel_mission`.
	Cancel,
	/// Anyone: `close_expired`.
	CloseExpired,
	/// As owner, `increase_budget`, `add_milestone` and `extend_deadline`.
	Amend,
	/// As contributor, `agree_amendment` with this hash.
	AgreeAmendment {
		/// The amended terms' hash.
		terms_hash: H256,
	},
	/// As owner, `withdraw_amendment`.
	WithdrawAmendment,
}

/// Something that waits for an account.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum PendingAction<AccountId> {
	/// As owner: accept or reject this commitment.
	DecideCommitment {
		/// The mission.
		mission: MissionId,
		/// The would-be contributor.
		who: AccountId,
	},
	/// As owner: the roster's shares add up; propose the terms.
	ProposeTerms {
		/// The mission.
		mission: MissionId,
	},
	/// As contributor: sign these terms.
	SignTerms {
		/// The mission.
		mission: MissionId,
		/// The hash to sign.
		terms_hash: H256,
	},
	/// As contributor: deliver this milestone (open or rejected).
	Deliver {
		/// The mission.
		mission: MissionId,
		/// The milestone.
		milestone: MilestoneIndex,
	},
	/// As owner: review this deliverable.
	Review {
		/// The mission.
		mission: MissionId,
		/// The milestone.
		milestone: MilestoneIndex,
	},
	/// As a would-be contributor: the mission started without you; withdraw
	/// the commitment to get the bond back.
	Withdraw {
		/// The mission.
		mission: MissionId,
	},
	/// As contributor: the owner proposed an amendment (a larger budget, a
	/// later deadline); agree to it for it to bind.
	AgreeAmendment {
		/// The mission.
		mission: MissionId,
		/// The amended terms' hash.
		terms_hash: H256,
	},
	/// As contributor: the owner rejected this milestone; dispute it before
	/// the dispute period ends, or the mission may be closed.
	Dispute {
		/// The mission.
		mission: MissionId,
		/// The milestone.
		milestone: MilestoneIndex,
	},
}

/// The terms hash, the rule on its own: `blake2_256` of the SCALE encoding of
/// `(mission id, milestones (description hash, amount), roster (account,
/// share), deadline)`, the roster in acceptance order. Clients recompute it
/// to show what a signature agrees to (the mission board does, in
/// TypeScript, checked against the same fixture as this function).
pub fn terms_hash_of<AccountId: Encode, Balance: Encode, BlockNumber: Encode>(
	mission: MissionId,
	milestones: &[(H256, Balance)],
	roster: &[(AccountId, Perbill)],
	deadline: BlockNumber,
) -> H256 {
	H256(sp_io::hashing::blake2_256(&(mission, milestones, roster, deadline).encode()))
}
