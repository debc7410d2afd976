//! # Missions
//!
//! The heart of Peer: a member posts a *mission* whose reward budget, split
//! into milestones, moves into escrow at once; would-be contributors *commit*
//! to it with a share and a bond; the owner accepts a roster whose shares add
//! up to the whole; everyone *signs* the same terms; contributors *deliver*
//! each milestone; an approved milestone *pays* its amount to the roster by
//! share, from escrow, in the same call.
//!
//! ## Terms
//! - **Escrow**: the budget, held on the owner's account under
//!   [`HoldReason::MissionEscrow`]. Payouts move it from that hold straight to
//!   the contributors; refunds release it back to the owner.
//! - **Bond**: held on each committing account under
//!   [`HoldReason::CommitmentBond`]; returned when the mission ends well,
//!   forfeited when a contributor abandons or delivers nothing by expiry.
//! - **Deposit**: [`Config::MissionDeposit`], held from the owner under
//!   [`HoldReason::MissionDeposit`] while the mission's records exist.
//! - **Roster**: the accepted contributors and their [`Perbill`] shares.
//! - **Terms hash**: `blake2_256` of the SCALE encoding of `(mission id,
//!   milestones (description hash, amount), roster (account, share), deadline)`.
//!
//! ## Rules worth knowing
//! - Rounding: a payout gives each contributor `share × amount`, rounded down;
//!   the remainder (less than one unit per contributor) goes to the first
//!   contributor on the roster, so escrow always pays out exactly.
//! - Any change of the roster while terms are being signed voids every
//!   signature and returns the mission to `Recruiting`.
//! - Abandoning an active mission forfeits the bond: it moves into the
//!   escrow, raising the last unsettled milestone by the same amount, and the
//!   leaver's share is spread over the remaining contributors in proportion to
//!   their shares (rounding remainder to the first).
//! - Review: the owner may reject a deliverable until the review period
//!   ([`Config::ReviewPeriod`], fixed in the mission when it is posted) after
//!   the deadline has passed; after that, silence is consent. A rejection
//!   opens a dispute period ([`Config::DisputePeriod`]); a rejection that
//!   governance upheld cannot be disputed again.
//! - Expiry: `close_expired` is open to anyone once the deadline has passed
//!   (for an active mission, once the review period has passed too, and no
//!   rejection is still in its dispute period). A deliverable the owner left
//!   unreviewed is paid; if that settles every milestone the mission
//!   completes and every bond comes back. Otherwise open and rejected
//!   milestones are refunded to the owner; a disputed milestone blocks
//!   closing until governance resolves it. Contributors who delivered
//!   something get their bond back, the others' bonds go to the owner.
//! - No recipient blocks settlement: a part too small for its account goes
//!   to the owner; a refund the owner cannot receive yet waits, held, until
//!   the mission's records go.
//! - A pending commitment can be withdrawn at any time; turning one down
//!   burns the chain's minimum bond from it.
//! - A mission's records are removed when it completes, is cancelled or
//!   expires; its history stays in the events and in reputation.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod declared_weights;
mod dispatchable_impls;
mod escrow;
#[cfg(any(feature = "std", feature = "try-runtime"))]
mod invariants;
#[cfg(test)]
mod mock;
mod runtime_api;
#[cfg(test)]
mod tests;
pub mod traits;
pub mod types;
mod utility_impls;
pub mod weights;

pub use traits::*;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{BalancedHold, Credit, InspectHold, Mutate, MutateHold},
			Contains, OnUnbalanced,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::{traits::Zero, Perbill};

	/// The in-code storage version: raise it with a migration when a stored
	/// type changes (see `runtime/src/migrations.rs`).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A mission's unpaid budget, held on its owner.
		MissionEscrow,
		/// The storage deposit of a mission, held on its owner.
		MissionDeposit,
		/// A contributor's bond.
		CommitmentBond,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		// --- Origins and membership ---

		/// The consortium's members: only they may post missions, and only they
		/// may commit to missions that are not open to non-members.
		type Members: Contains<Self::AccountId>;
		/// Settles disputes over rejected milestones (a council supermajority).
		type DisputeOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Cancels missions after work has started (a council supermajority).
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		// --- Currency ---

		/// The currency budgets, bonds and deposits are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ BalancedHold<Self::AccountId>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// Held from the owner for a mission's storage while it lives.
		#[pallet::constant]
		type MissionDeposit: Get<BalanceOf<Self>>;
		/// The smallest budget a mission may have.
		#[pallet::constant]
		type MinimumBudget: Get<BalanceOf<Self>>;
		/// The smallest bond of any commitment, whatever a mission asks for
		/// (never below the existential deposit); also the fee for a pending
		/// commitment the owner turns down.
		#[pallet::constant]
		type MinimumBond: Get<BalanceOf<Self>>;
		/// Where the fees of turned-down pending commitments go (`()` burns them).
		type RejectionFee: OnUnbalanced<Credit<Self::AccountId, Self::Currency>>;

		// --- Bounds ---

		/// Most milestones in a mission.
		#[pallet::constant]
		type MaxMilestones: Get<u32>;
		/// Most contributors on a roster (and most commitments awaiting a decision).
		#[pallet::constant]
		type MaxContributors: Get<u32>;
		/// Longest mission title, in bytes.
		#[pallet::constant]
		type MaxTitleLen: Get<u32>;
		/// Longest URI, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;
		/// Most live missions an account may own, and commit to.
		#[pallet::constant]
		type MaxMissionsPerAccount: Get<u32>;
		/// Furthest deadline, in blocks from creation.
		#[pallet::constant]
		type MaxDuration: Get<BlockNumberFor<Self>>;
		/// Blocks after an active mission's deadline during which the owner
		/// may still review; only then may it be closed as expired. Read when
		/// a mission is posted and fixed in it.
		#[pallet::constant]
		type ReviewPeriod: Get<BlockNumberFor<Self>>;
		/// Blocks the roster has, after a rejection, to dispute it: a mission
		/// cannot be closed as expired while a rejection is still disputable.
		#[pallet::constant]
		type DisputePeriod: Get<BlockNumberFor<Self>>;

		// --- The rest ---

		/// Reputation scores, for missions that ask for a minimum.
		type Reputation: ReputationOf<Self::AccountId>;
		/// Told of every settled outcome.
		type OnSettled: OnSettled<Self::AccountId, BalanceOf<Self>>;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
		/// Sets the scene for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The identifier the next mission gets.
	#[pallet::storage]
	pub type NextMissionId<T> = StorageValue<_, MissionId, ValueQuery>;

	/// Live missions.
	#[pallet::storage]
	pub type LiveMissions<T: Config> = StorageMap<_, Twox64Concat, MissionId, Mission<T>>;

	/// Commitments, pending and accepted, by mission and contributor.
	#[pallet::storage]
	pub type Commitments<T: Config> =
		StorageDoubleMap<_, Twox64Concat, MissionId, Blake2_128Concat, T::AccountId, Commitment<T>>;

	/// The latest deliverable of each milestone.
	#[pallet::storage]
	pub type Deliverables<T: Config> =
		StorageDoubleMap<_, Twox64Concat, MissionId, Twox64Concat, MilestoneIndex, Deliverable<T>>;

	/// The live missions each account owns.
	#[pallet::storage]
	pub type OwnedMissions<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<MissionId, T::MaxMissionsPerAccount>,
		ValueQuery,
	>;

	/// The live missions each account has a commitment to.
	#[pallet::storage]
	pub type CommittedMissions<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<MissionId, T::MaxMissionsPerAccount>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A mission was posted and its budget escrowed.
		MissionCreated {
			mission: MissionId,
			owner: T::AccountId,
			budget: BalanceOf<T>,
			deadline: BlockNumberFor<T>,
		},
		/// An account committed to a mission and its bond was held.
		Committed { mission: MissionId, who: T::AccountId, share: Perbill, bond: BalanceOf<T> },
		/// A contributor withdrew before work started; its bond was released.
		CommitmentWithdrawn { mission: MissionId, who: T::AccountId },
		/// The owner put a contributor on the roster.
		CommitmentAccepted { mission: MissionId, who: T::AccountId, share: Perbill },
		/// The owner turned a commitment down; its bond was released, less
		/// `fee` (burned) if the commitment was still pending.
		CommitmentRejected { mission: MissionId, who: T::AccountId, fee: BalanceOf<T> },
		/// The roster changed while terms were out: every signature was voided.
		TermsVoided { mission: MissionId },
		/// The owner proposed the terms for everyone to sign.
		TermsProposed { mission: MissionId, terms_hash: H256 },
		/// A contributor signed the terms.
		TermsSigned { mission: MissionId, who: T::AccountId },
		/// The last signature came in: work starts.
		MissionActivated { mission: MissionId, terms_hash: H256 },
		/// A contributor submitted a deliverable for a milestone.
		DeliverableSubmitted {
			mission: MissionId,
			milestone: MilestoneIndex,
			who: T::AccountId,
			content_hash: H256,
			version: u32,
		},
		/// A milestone was approved (by its owner, by governance or by expiry)
		/// and paid out.
		MilestoneApproved { mission: MissionId, milestone: MilestoneIndex, amount: BalanceOf<T> },
		/// A contributor received its part of a milestone.
		RewardPaid {
			mission: MissionId,
			milestone: MilestoneIndex,
			who: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// The owner rejected a deliverable.
		MilestoneRejected { mission: MissionId, milestone: MilestoneIndex, reason_hash: H256 },
		/// A contributor disputed a rejection; the milestone is frozen.
		MilestoneDisputed { mission: MissionId, milestone: MilestoneIndex, who: T::AccountId },
		/// Governance settled a dispute.
		DisputeResolved { mission: MissionId, milestone: MilestoneIndex, verdict: Verdict },
		/// Escrow went back to the owner.
		Refunded { mission: MissionId, owner: T::AccountId, amount: BalanceOf<T> },
		/// A refund the owner's account could not receive yet (it would have
		/// stayed below the existential deposit) stays held until the mission
		/// ends, when it is released right after the deposit.
		RefundDeferred { mission: MissionId, owner: T::AccountId, amount: BalanceOf<T> },
		/// A contributor's part of a payout was too small for its account to
		/// receive (below the existential deposit); it went to the owner.
		RewardUnpayable {
			mission: MissionId,
			milestone: MilestoneIndex,
			who: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A member left the consortium but one of its missions could not be
		/// settled for it; the mission is as it was.
		MemberLeaveFailed { mission: MissionId, who: T::AccountId, error: DispatchError },
		/// A contributor left an active mission; its bond joined the budget.
		ContributorAbandoned { mission: MissionId, who: T::AccountId, forfeited: BalanceOf<T> },
		/// A bond went back to its contributor.
		BondReleased { mission: MissionId, who: T::AccountId, amount: BalanceOf<T> },
		/// A bond was forfeited to `to`.
		BondForfeited {
			mission: MissionId,
			who: T::AccountId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// Every milestone was settled; the mission's records are gone.
		MissionCompleted { mission: MissionId },
		/// The mission was called off; its records are gone.
		MissionCancelled { mission: MissionId, by_force: bool },
		/// The mission was closed after its deadline; its records are gone.
		MissionExpired { mission: MissionId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only consortium members may do this.
		NotAMember,
		/// No live mission has this identifier.
		MissionNotFound,
		/// Only the mission's owner may do this.
		NotMissionOwner,
		/// Only a contributor on the roster may do this.
		NotAContributor,
		/// A mission needs at least one milestone.
		NoMilestones,
		/// More milestones than `MaxMilestones`.
		TooManyMilestones,
		/// A milestone must pay something.
		ZeroMilestoneAmount,
		/// The milestones add up to less than `MinimumBudget`.
		BudgetTooLow,
		/// The title is longer than `MaxTitleLen`.
		TitleTooLong,
		/// The URI is longer than `MaxUriLen`.
		UriTooLong,
		/// The deadline is not after the current block.
		DeadlineInPast,
		/// The deadline is further than `MaxDuration` away.
		DeadlineTooFar,
		/// The account already takes part in `MaxMissionsPerAccount` missions.
		TooManyMissions,
		/// Not enough free balance for the budget, deposit or bond.
		InsufficientBalance,
		/// The owner cannot commit to its own mission.
		OwnerCannotCommit,
		/// The account already has a commitment to this mission.
		AlreadyCommitted,
		/// A share must be more than zero.
		ZeroShare,
		/// Accepted shares would add up to more than the whole.
		SharesExceedWhole,
		/// Accepted shares do not add up to the whole.
		SharesIncomplete,
		/// `MaxContributors` commitments already await a decision.
		TooManyCommitments,
		/// The roster already has `MaxContributors` contributors.
		TooManyContributors,
		/// The account's reputation is below the mission's minimum.
		ReputationTooLow,
		/// The account has no commitment to this mission.
		CommitmentNotFound,
		/// The commitment is already on the roster.
		AlreadyAccepted,
		/// Only possible while recruiting: terms are already out for
		/// signature, or work has started.
		NotRecruiting,
		/// No terms are out for signature.
		NotAgreeing,
		/// The hash signed is not the hash of the current terms.
		TermsMismatch,
		/// The contributor already signed these terms.
		AlreadySigned,
		/// The roster is empty.
		NoContributors,
		/// Only possible while the mission is active.
		MissionNotActive,
		/// The deadline has passed.
		DeadlinePassed,
		/// The review period is over: an unreviewed deliverable counts as
		/// approved and can no longer be rejected.
		ReviewPeriodOver,
		/// A rejection may still be disputed: the mission cannot be closed
		/// before its dispute period ends.
		DisputePeriodRunning,
		/// Governance upheld this rejection: it cannot be disputed again.
		RejectionUpheld,
		/// The mission has no milestone with this index.
		MilestoneNotFound,
		/// The milestone is already paid or settled.
		MilestoneAlreadyPaid,
		/// A deliverable of this milestone already awaits review.
		MilestoneAwaitingReview,
		/// The milestone has no deliverable awaiting review.
		MilestoneNotSubmitted,
		/// The milestone's deliverable was not rejected.
		MilestoneNotRejected,
		/// The milestone is frozen by a dispute.
		MilestoneDisputed,
		/// The milestone is not under dispute.
		MilestoneNotDisputed,
		/// The mission has not expired yet.
		NotExpired,
		/// A dispute must be resolved first.
		DisputeOpen,
		/// Work has started: the roster is fixed, and while anyone is on it
		/// only governance may cancel.
		MissionAlreadyActive,
		/// An amount overflowed.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxMilestones::get() > 0, "MaxMilestones must be positive");
			assert!(T::MaxContributors::get() > 0, "MaxContributors must be positive");
			assert!(T::MaxMissionsPerAccount::get() > 0, "MaxMissionsPerAccount must be positive");
			assert!(!T::DisputePeriod::get().is_zero(), "DisputePeriod must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Posts a mission and escrows its budget (the sum of the milestones)
		/// from the caller, who must be a member, with the storage deposit.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_mission(
			milestones.len() as u32,
			uri.as_ref().map_or(0, |u| u.len() as u32),
		))]
		pub fn create_mission(
			origin: OriginFor<T>,
			title: Vec<u8>,
			content_hash: H256,
			uri: Option<Vec<u8>>,
			milestones: Vec<MilestoneSpec<BalanceOf<T>>>,
			deadline: BlockNumberFor<T>,
			options: MissionOptions<BalanceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_mission(who, title, content_hash, uri, milestones, deadline, options)
		}

		/// Commits to a mission for `share` of every payout, holding the bond.
		#[pallet::call_index(1)]
		pub fn commit(
			origin: OriginFor<T>,
			mission: MissionId,
			share: Perbill,
			role_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit(who, mission, share, role_hash)
		}

		/// Withdraws the caller's commitment and frees the bond: an accepted
		/// one before work starts, a pending one at any time.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_commitment(T::MaxContributors::get()))]
		pub fn withdraw_commitment(
			origin: OriginFor<T>,
			mission: MissionId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let roster_len = Self::do_withdraw_commitment(who, mission)?;
			Ok(Some(T::WeightInfo::withdraw_commitment(roster_len)).into())
		}

		/// The owner puts a pending commitment on the roster.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::accept_commitment(T::MaxContributors::get()))]
		pub fn accept_commitment(
			origin: OriginFor<T>,
			mission: MissionId,
			who: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let owner = ensure_signed(origin)?;
			let roster_len = Self::do_accept_commitment(owner, mission, who)?;
			Ok(Some(T::WeightInfo::accept_commitment(roster_len)).into())
		}

		/// The owner turns a commitment down (pending or accepted, before work
		/// starts); the bond is released. Turning down a *pending* commitment
		/// burns the chain's minimum bond from it: filling a mission's pending
		/// list with commitments to be turned down is not free.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reject_commitment(T::MaxContributors::get())
			.max(T::WeightInfo::reject_pending_commitment()))]
		pub fn reject_commitment(
			origin: OriginFor<T>,
			mission: MissionId,
			who: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let owner = ensure_signed(origin)?;
			let used = match Self::do_reject_commitment(owner, mission, who)? {
				RejectedCommitment::Pending => T::WeightInfo::reject_pending_commitment(),
				RejectedCommitment::Accepted { roster } => T::WeightInfo::reject_commitment(roster),
			};
			Ok(Some(used).into())
		}

		/// The owner fixes the terms once the roster's shares add up to the whole.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::propose_terms(
			T::MaxContributors::get(),
			T::MaxMilestones::get(),
		))]
		pub fn propose_terms(origin: OriginFor<T>, mission: MissionId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_propose_terms(owner, mission)
		}

		/// A contributor signs the terms; the last signature starts the work.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::sign_terms(T::MaxContributors::get()))]
		pub fn sign_terms(
			origin: OriginFor<T>,
			mission: MissionId,
			terms_hash: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let roster_len = Self::do_sign_terms(who, mission, terms_hash)?;
			Ok(Some(T::WeightInfo::sign_terms(roster_len)).into())
		}

		/// A contributor submits the deliverable of a milestone.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::submit_deliverable(
			uri.as_ref().map_or(0, |u| u.len() as u32),
		))]
		pub fn submit_deliverable(
			origin: OriginFor<T>,
			mission: MissionId,
			milestone: MilestoneIndex,
			content_hash: H256,
			uri: Option<Vec<u8>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_deliverable(who, mission, milestone, content_hash, uri)
		}

		/// The owner approves a milestone: its amount is paid to the roster.
		/// Approving the last one completes the mission.
		///
		/// Charged for a full roster, every milestone and a completion with a
		/// full pending list; the unused part is refunded.
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::approve_milestone_max_weight())]
		pub fn approve_milestone(
			origin: OriginFor<T>,
			mission: MissionId,
			milestone: MilestoneIndex,
		) -> DispatchResultWithPostInfo {
			let owner = ensure_signed(origin)?;
			let used = Self::do_approve_milestone(owner, mission, milestone)?;
			Ok(Some(used).into())
		}

		/// The owner rejects a milestone's deliverable, with the hash of its
		/// reasons. Only until the review period after the deadline ends:
		/// silence is consent.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::reject_milestone(T::MaxContributors::get()))]
		pub fn reject_milestone(
			origin: OriginFor<T>,
			mission: MissionId,
			milestone: MilestoneIndex,
			reason_hash: H256,
		) -> DispatchResultWithPostInfo {
			let owner = ensure_signed(origin)?;
			let roster_len = Self::do_reject_milestone(owner, mission, milestone, reason_hash)?;
			Ok(Some(T::WeightInfo::reject_milestone(roster_len)).into())
		}

		/// A contributor disputes a rejection; the milestone waits for
		/// governance. A rejection governance upheld cannot be disputed again.
		#[pallet::call_index(10)]
		pub fn dispute_milestone(
			origin: OriginFor<T>,
			mission: MissionId,
			milestone: MilestoneIndex,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute_milestone(who, mission, milestone)
		}

		/// Governance settles a dispute. A verdict that settles the last
		/// milestone completes the mission; the unused weight is refunded.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::resolve_dispute(
			T::MaxContributors::get(),
			T::MaxMilestones::get(),
		).saturating_add(Pallet::<T>::complete_mission_max_weight()))]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			mission: MissionId,
			milestone: MilestoneIndex,
			verdict: Verdict,
		) -> DispatchResultWithPostInfo {
			T::DisputeOrigin::ensure_origin(origin)?;
			let used = Self::do_resolve_dispute(mission, milestone, verdict)?;
			Ok(Some(used).into())
		}

		/// The owner calls off a mission before work starts, or once nobody is
		/// left on the roster: the unpaid budget comes back and every bond is
		/// released.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::cancel_mission(
			T::MaxContributors::get().saturating_mul(2),
			T::MaxMilestones::get(),
		))]
		pub fn cancel_mission(origin: OriginFor<T>, mission: MissionId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_cancel_mission(Some(owner), mission)
		}

		/// Governance calls off a mission at any phase: unpaid budget to the
		/// owner, bonds released.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::force_cancel_mission(
			T::MaxContributors::get(),
			T::MaxMilestones::get(),
		).max(Pallet::<T>::end_before_work_max_weight()))]
		pub fn force_cancel_mission(origin: OriginFor<T>, mission: MissionId) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_cancel_mission(None, mission)
		}

		/// A contributor leaves an active mission, forfeiting its bond to the budget.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::abandon(T::MaxContributors::get()))]
		pub fn abandon(origin: OriginFor<T>, mission: MissionId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let roster_len = Self::do_abandon(who, mission)?;
			Ok(Some(T::WeightInfo::abandon(roster_len)).into())
		}

		/// Anyone closes a mission whose deadline (and, if active, review
		/// period and the dispute period of every rejection) has passed.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::close_expired(
			T::MaxContributors::get(),
			T::MaxMilestones::get(),
		).max(Pallet::<T>::end_before_work_max_weight()))]
		pub fn close_expired(origin: OriginFor<T>, mission: MissionId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_expired(mission)
		}
	}
}
