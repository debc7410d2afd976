#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod amendments;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod declared_weights;
mod dispatchable_impls;
mod escrow;
#[cfg(any(feature = "std", feature = "try-runtime"))]
mod invariants;
pub mod migrations;
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
			fungibles, Contains, OnUnbalanced,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::{traits::Zero, Perbill};

	/// The in-code storage version: raise it with a migration when a stored
	/// type changes (see `runtime/src/migrations.rs`).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

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
		// --- Origins and membership ---

		/// The consortium's members: only they may post missions, and only they
		/// may commit to missions that are not open to non-members.
		type Members: Contains<Self::AccountId>;
		/// Settles disputes over rejected milestones (a council supermajority).
		type DisputeOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Cancels missions after work has started (a council supermajority).
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		// --- Currency ---

		/// The native currency: bonds, fees and deposits are held in it, whatever a mission is
		/// paid in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ BalancedHold<Self::AccountId>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// What a mission can be paid in: the native currency or an asset.
		type AssetKind: Parameter + Member + MaxEncodedLen + Ord;
		/// The native currency's kind (what every mission posted before assets is paid in).
		#[pallet::constant]
		type NativeAsset: Get<Self::AssetKind>;
		/// Every asset missions can be paid in, the native currency among them, as one
		/// `fungibles` with holds: a mission's escrow is a hold in its asset on its owner.
		type Assets: fungibles::Inspect<
				Self::AccountId,
				AssetId = Self::AssetKind,
				Balance = BalanceOf<Self>,
			> + fungibles::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungibles::InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// Says which assets other than the native currency missions may be paid in, and the
		/// smallest budget in each (a council motion).
		type AssetOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Held from the owner for a mission's storage while it lives.
		#[pallet::constant]
		type MissionDeposit: Get<BalanceOf<Self>>;
		/// The smallest budget of a mission paid in the native currency (other assets:
		/// [`MinimumBudgets`]).
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
		/// The least time, in blocks, between the start of work (the last
		/// signature) and the deadline: a mission is not posted with a nearer
		/// deadline, and its terms are not proposed or signed closer to it, so
		/// that no one's bond is forfeited for work there was no time to do.
		#[pallet::constant]
		type MinWorkingTime: Get<BlockNumberFor<Self>>;

		// --- The rest ---

		/// Reputation scores, for missions that ask for a minimum.
		type Reputation: ReputationOf<Self::AccountId>;
		/// Told of every settled outcome.
		type OnSettled: OnSettled<Self::AccountId, BalanceOf<Self>>;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
		/// Sets the scene for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::AssetKind, BalanceOf<Self>>;
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

	/// The assets other than the native currency that missions may be paid in, with the
	/// smallest budget a mission in each may have. Set by [`Config::AssetOrigin`]; an asset
	/// without an entry takes no new missions (those it pays already go on).
	#[pallet::storage]
	pub type MinimumBudgets<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetKind, BalanceOf<T>, OptionQuery>;

	/// Payments an asset could not deliver when they were due (the asset frozen, or the
	/// recipient's account blocked, by the asset's freezer): by recipient, then asset and payer
	/// (the mission's owner, who still holds them as escrow), until the recipient claims them
	/// (`claim`). The mission they came from is settled and gone.
	#[pallet::storage]
	pub type Claimable<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		(T::AssetKind, T::AccountId),
		BalanceOf<T>,
		OptionQuery,
	>;

	/// Changes of an active mission's terms the owner proposed, pending until every
	/// contributor on the roster agreed (`agree_amendment`); what they add is already held.
	#[pallet::storage]
	pub type Amendments<T: Config> = StorageMap<_, Twox64Concat, MissionId, Amendment<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A mission was posted and its budget escrowed.
		MissionCreated {
			/// The mission.
			mission: MissionId,
			/// Who posted it (and paid the budget and deposit).
			owner: T::AccountId,
			/// What it pays in.
			asset: T::AssetKind,
			/// The budget escrowed, in `asset`: the sum of the milestones.
			budget: BalanceOf<T>,
			/// The last block at which deliverables are accepted.
			deadline: BlockNumberFor<T>,
		},
		/// An account committed to a mission and its bond was held.
		Committed {
			/// The mission.
			mission: MissionId,
			/// The would-be contributor.
			who: T::AccountId,
			/// The share of every payout asked for.
			share: Perbill,
			/// The bond held from it.
			bond: BalanceOf<T>,
		},
		/// A contributor withdrew before work started; its bond was released.
		CommitmentWithdrawn {
			/// The mission.
			mission: MissionId,
			/// The account that withdrew.
			who: T::AccountId,
		},
		/// The owner put a contributor on the roster.
		CommitmentAccepted {
			/// The mission.
			mission: MissionId,
			/// The contributor.
			who: T::AccountId,
			/// Its share of every payout.
			share: Perbill,
		},
		/// The owner turned a commitment down; its bond was released, less
		/// `fee` (burned) if the commitment was still pending.
		CommitmentRejected {
			/// The mission.
			mission: MissionId,
			/// The account turned down.
			who: T::AccountId,
			/// Burned from its bond: the minimum bond if the commitment was pending, else nothing.
			fee: BalanceOf<T>,
		},
		/// The roster changed while terms were out: every signature was voided.
		TermsVoided {
			/// The mission.
			mission: MissionId,
		},
		/// The owner proposed the terms for everyone to sign.
		TermsProposed {
			/// The mission.
			mission: MissionId,
			/// The hash every contributor signs.
			terms_hash: H256,
		},
		/// A contributor signed the terms.
		TermsSigned {
			/// The mission.
			mission: MissionId,
			/// The contributor who signed.
			who: T::AccountId,
		},
		/// The last signature came in: work starts.
		MissionActivated {
			/// The mission.
			mission: MissionId,
			/// The terms everyone signed.
			terms_hash: H256,
		},
		/// A contributor submitted a deliverable for a milestone.
		DeliverableSubmitted {
			/// The mission.
			mission: MissionId,
			/// The milestone (from 0).
			milestone: MilestoneIndex,
			/// The contributor who submitted it.
			who: T::AccountId,
			/// Hash of the delivered content.
			content_hash: H256,
			/// 1 for the first submission, one more for each resubmission.
			version: u32,
		},
		/// A milestone was approved (by its owner, by governance or by expiry)
		/// and paid out.
		MilestoneApproved {
			/// The mission.
			mission: MissionId,
			/// The milestone (from 0).
			milestone: MilestoneIndex,
			/// What it pays in.
			asset: T::AssetKind,
			/// Paid to the roster (a split verdict pays part).
			amount: BalanceOf<T>,
		},
		/// A contributor received its part of a milestone (a part kept for it to claim is
		/// `PaymentKept` instead).
		RewardPaid {
			/// The mission.
			mission: MissionId,
			/// The milestone (from 0).
			milestone: MilestoneIndex,
			/// The contributor paid.
			who: T::AccountId,
			/// What it pays in.
			asset: T::AssetKind,
			/// Its part, by its share.
			amount: BalanceOf<T>,
		},
		/// The owner rejected a deliverable.
		MilestoneRejected {
			/// The mission.
			mission: MissionId,
			/// The milestone (from 0).
			milestone: MilestoneIndex,
			/// Hash of the owner's reasons (the text is sent to the contributors off-chain).
			reason_hash: H256,
		},
		/// A contributor disputed a rejection; the milestone is frozen.
		MilestoneDisputed {
			/// The mission.
			mission: MissionId,
			/// The milestone (from 0).
			milestone: MilestoneIndex,
			/// The contributor who disputed.
			who: T::AccountId,
		},
		/// Governance settled a dispute.
		DisputeResolved {
			/// The mission.
			mission: MissionId,
			/// The milestone (from 0).
			milestone: MilestoneIndex,
			/// What governance decided.
			verdict: Verdict,
		},
		/// Escrow went back to the owner.
		Refunded {
			/// The mission.
			mission: MissionId,
			/// The mission's owner.
			owner: T::AccountId,
			/// What it pays in.
			asset: T::AssetKind,
			/// Released from escrow to the owner.
			amount: BalanceOf<T>,
		},
		/// A refund the owner's account could not receive yet (it would have
		/// stayed below the existential deposit, or the asset's freezer
		/// blocked it) stays held until the mission ends, when it is released
		/// right after the deposit; if the account still cannot receive it
		/// then, it stays held in `OwedRefunds` for the owner to claim.
		RefundDeferred {
			/// The mission.
			mission: MissionId,
			/// The mission's owner.
			owner: T::AccountId,
			/// What it pays in.
			asset: T::AssetKind,
			/// Kept on hold until the mission ends.
			amount: BalanceOf<T>,
		},
		/// A contributor's account could not receive its part of a payout (below the asset's
		/// minimum for a new account, or an insufficient asset and no account to hang it on);
		/// the part went back to the owner with the rest.
		RewardUnpayable {
			/// The mission.
			mission: MissionId,
			/// The milestone (from 0).
			milestone: MilestoneIndex,
			/// The contributor whose part it was.
			who: T::AccountId,
			/// What it pays in.
			asset: T::AssetKind,
			/// The part, given to the owner instead.
			amount: BalanceOf<T>,
		},
		/// A member left the consortium but one of its missions could not be
		/// settled for it; the mission is as it was.
		MemberLeaveFailed {
			/// The mission.
			mission: MissionId,
			/// The member who left.
			who: T::AccountId,
			/// Why the mission could not be settled.
			error: DispatchError,
		},
		/// A contributor left an active mission; its bond joined the budget (in a mission paid
		/// in another asset, it went to the owner).
		ContributorAbandoned {
			/// The mission.
			mission: MissionId,
			/// The contributor who left.
			who: T::AccountId,
			/// Its bond, added to the budget.
			forfeited: BalanceOf<T>,
		},
		/// A bond went back to its contributor.
		BondReleased {
			/// The mission.
			mission: MissionId,
			/// The contributor.
			who: T::AccountId,
			/// The bond released.
			amount: BalanceOf<T>,
		},
		/// A bond was forfeited to `to`.
		BondForfeited {
			/// The mission.
			mission: MissionId,
			/// The contributor whose bond it was.
			who: T::AccountId,
			/// Who received it: the mission's owner.
			to: T::AccountId,
			/// The bond forfeited.
			amount: BalanceOf<T>,
		},
		/// Every milestone was settled; the mission's records are gone.
		MissionCompleted {
			/// The mission.
			mission: MissionId,
		},
		/// The mission was called off; its records are gone.
		MissionCancelled {
			/// The mission.
			mission: MissionId,
			/// Whether governance cancelled it (`force_cancel_mission`).
			by_force: bool,
		},
		/// The mission was closed after its deadline; its records are gone.
		MissionExpired {
			/// The mission.
			mission: MissionId,
		},
		/// Governance said which asset missions may be paid in, and the least budget in it.
		MinimumBudgetSet {
			/// The asset.
			asset: T::AssetKind,
			/// The smallest budget, or `None`: no new missions in this asset.
			minimum: Option<BalanceOf<T>>,
		},
		/// A payment the asset could not deliver now was kept for its recipient to claim
		/// (`Claimable`): still held from the payer, no longer the mission's.
		PaymentKept {
			/// The mission it came from.
			mission: MissionId,
			/// Who it is for (a contributor, or the owner for a refund).
			who: T::AccountId,
			/// The asset.
			asset: T::AssetKind,
			/// Who holds it: the mission's owner.
			from: T::AccountId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// A milestone's reward grew (or a milestone was added, with its index), and the
		/// amount was escrowed: before work, or on an active mission with nobody on the roster.
		BudgetIncreased {
			/// The mission.
			mission: MissionId,
			/// The milestone (from 0).
			milestone: MilestoneIndex,
			/// What it pays in.
			asset: T::AssetKind,
			/// Added to its reward.
			amount: BalanceOf<T>,
		},
		/// The deadline moved later: before work, or on an active mission with nobody on the
		/// roster.
		DeadlineExtended {
			/// The mission.
			mission: MissionId,
			/// The new deadline.
			deadline: BlockNumberFor<T>,
		},
		/// The owner proposed (or changed) an amendment of an active mission's terms; every
		/// contributor on the roster agrees to `terms_hash` for it to bind.
		AmendmentProposed {
			/// The mission.
			mission: MissionId,
			/// The hash of the amended terms.
			terms_hash: H256,
		},
		/// A contributor agreed to the pending amendment.
		AmendmentAgreed {
			/// The mission.
			mission: MissionId,
			/// The contributor.
			who: T::AccountId,
		},
		/// Every contributor agreed: the amended terms bind.
		AmendmentApplied {
			/// The mission.
			mission: MissionId,
			/// The terms now in force.
			terms_hash: H256,
			/// The deadline now.
			deadline: BlockNumberFor<T>,
			/// The budget now, in the mission's asset.
			budget: BalanceOf<T>,
		},
		/// A pending amendment was withdrawn, lapsed or ended with its mission; what it held
		/// went back to the owner.
		AmendmentDropped {
			/// The mission.
			mission: MissionId,
		},
		/// A recipient claimed a payment kept for it.
		Claimed {
			/// The recipient.
			who: T::AccountId,
			/// The asset.
			asset: T::AssetKind,
			/// Who held it.
			from: T::AccountId,
			/// Paid to the recipient.
			amount: BalanceOf<T>,
		},
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
		/// The deadline is nearer than `MinWorkingTime`: there would be no time to do the work.
		DeadlineTooSoon,
		/// Less than `MinWorkingTime` is left before the deadline: work can no longer start.
		TooLateToStart,
		/// The mission's bond is above the most the caller agreed to hold.
		BondAboveMaximum,
		/// The rejection's dispute period is over.
		DisputePeriodOver,
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
		/// Missions cannot be paid in this asset: it does not exist, or governance has not
		/// accepted it (`set_minimum_budget`).
		AssetNotAccepted,
		/// The native currency's minimum budget is the `MinimumBudget` parameter.
		NativeMinimumIsAParameter,
		/// A minimum budget below the asset's minimum balance.
		MinimumBelowAssetMinimum,
		/// Nothing in this asset is kept for the caller from this payer.
		NothingToClaim,
		/// A new deadline must be later than the one in force (or proposed).
		DeadlineNotLater,
		/// No amendment of this mission is pending.
		NoAmendment,
		/// The pending amendment lapsed: the deadline it was proposed under has passed.
		AmendmentLapsed,
		/// The asset still cannot deliver the payment (frozen, or the account blocked).
		CannotReceive,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxMilestones::get() > 0, "MaxMilestones must be positive");
			assert!(T::MaxContributors::get() > 0, "MaxContributors must be positive");
			assert!(T::MaxMissionsPerAccount::get() > 0, "MaxMissionsPerAccount must be positive");
			assert!(!T::DisputePeriod::get().is_zero(), "DisputePeriod must be positive");
			assert!(
				T::MinWorkingTime::get() < T::MaxDuration::get(),
				"MinWorkingTime must leave room for a deadline within MaxDuration"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Posts a mission and escrows its budget, the sum of the milestones, with the storage
		/// deposit (`MissionDeposit`), both held from the caller.
		///
		/// Origin: signed by a consortium member, who becomes the mission's owner.
		///
		/// - `title`: a short title, at most `MaxTitleLen` bytes.
		/// - `content_hash`: hash of the full description, kept off-chain.
		/// - `uri`: where the description can be read, at most `MaxUriLen` bytes.
		/// - `asset`: what the milestones are paid in: the native currency or an asset governance
		///   accepted (`MinimumBudgets`). The deposit and the bonds are in the native currency.
		/// - `milestones`: each milestone's description hash and amount in `asset`; 1 to
		///   `MaxMilestones`, none zero, adding up to at least the asset's minimum budget
		///   (`MinimumBudget` for the native currency, `MinimumBudgets` for the others).
		/// - `deadline`: the last block at which deliverables are accepted; at least
		///   `MinWorkingTime` and at most `MaxDuration` away.
		/// - `options`: whether non-members may commit, the bond each commitment holds (at least
		///   `MinimumBond`) and the reputation a contributor needs.
		///
		/// Emits `MissionCreated`. Fails with `NotAMember`, `TitleTooLong`, `UriTooLong`,
		/// `AssetNotAccepted`, `NoMilestones`, `TooManyMilestones`, `ZeroMilestoneAmount`, `BudgetTooLow`,
		/// `DeadlineInPast`, `DeadlineTooSoon`, `DeadlineTooFar`, `TooManyMissions` or
		/// `InsufficientBalance`.
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
			asset: T::AssetKind,
			milestones: Vec<MilestoneSpec<BalanceOf<T>>>,
			deadline: BlockNumberFor<T>,
			options: MissionOptions<BalanceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_mission(
				who,
				title,
				content_hash,
				uri,
				asset,
				milestones,
				deadline,
				options,
			)
		}

		/// Commits to a mission for `share` of every payout, holding the mission's bond from the
		/// caller. The owner then accepts or turns the commitment down.
		///
		/// Origin: signed by a consortium member (by anyone if the mission is open to non-members)
		/// other than the owner, whose reputation is at least the mission's minimum; only before
		/// work starts.
		///
		/// - `mission`: the mission.
		/// - `share`: the part of every milestone's payout asked for; more than zero, and with
		///   the roster's accepted shares at most the whole.
		/// - `role_hash`: hash of the role the contributor offers, kept off-chain.
		/// - `max_bond`: the most the caller agrees to have held, as its client showed it: the
		///   signature binds the amount, so a node that showed a smaller bond, or a vote raising
		///   `MinimumBond` in between, cannot hold more.
		///
		/// The fee for being turned down while pending is the chain's `MinimumBond` now, kept
		/// with the commitment.
		///
		/// Emits `Committed`. Fails with `NotAMember`, `MissionNotFound`, `OwnerCannotCommit`,
		/// `MissionAlreadyActive`, `AlreadyCommitted`, `ZeroShare`, `SharesExceedWhole`,
		/// `ReputationTooLow`, `TooManyCommitments`, `TooManyMissions`, `BondAboveMaximum` or
		/// `InsufficientBalance`.
		#[pallet::call_index(1)]
		pub fn commit(
			origin: OriginFor<T>,
			mission: MissionId,
			share: Perbill,
			role_hash: H256,
			max_bond: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit(who, mission, share, role_hash, max_bond)
		}

		/// Withdraws the caller's commitment and releases its bond: an accepted one before work
		/// starts, a pending one at any time (once work started without it, nothing else would free
		/// its bond). Terms out for signature are voided.
		///
		/// Origin: signed by the committed account.
		///
		/// - `mission`: the mission.
		///
		/// Emits `CommitmentWithdrawn`, `BondReleased` and, if terms were out, `TermsVoided`. Fails
		/// with `MissionNotFound`, `CommitmentNotFound` or `MissionAlreadyActive`.
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

		/// The owner puts a pending commitment on the roster. Terms out for signature are voided:
		/// everyone signs the new roster.
		///
		/// Origin: signed by the mission's owner; only before work starts.
		///
		/// - `mission`: the mission.
		/// - `who`: the committed account.
		///
		/// Emits `CommitmentAccepted` and, if terms were out, `TermsVoided`. Fails with
		/// `MissionNotFound`, `NotMissionOwner`, `MissionAlreadyActive`, `CommitmentNotFound`,
		/// `AlreadyAccepted`, `SharesExceedWhole` or `TooManyContributors`.
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

		/// The owner turns a commitment down, pending or accepted, and its bond is released.
		/// Turning down a *pending* commitment burns its fee (the chain's minimum bond when it
		/// committed) from it, so filling a mission's pending list with commitments to be turned
		/// down is not free.
		///
		/// Origin: signed by the mission's owner; only before work starts.
		///
		/// - `mission`: the mission.
		/// - `who`: the committed account.
		///
		/// Emits `CommitmentRejected`, `BondReleased` and, if terms were out, `TermsVoided`. Fails
		/// with `MissionNotFound`, `NotMissionOwner`, `MissionAlreadyActive` or
		/// `CommitmentNotFound`.
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

		/// The owner fixes the terms once the roster's shares add up to the whole: the terms hash
		/// (see `terms_hash_of`) goes out for every contributor to sign.
		///
		/// Origin: signed by the mission's owner; only while recruiting and while at least
		/// `MinWorkingTime` is left before the deadline.
		///
		/// - `mission`: the mission.
		///
		/// Emits `TermsProposed`. Fails with `MissionNotFound`, `NotMissionOwner`, `NotRecruiting`,
		/// `TooLateToStart`, `NoContributors` or `SharesIncomplete`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::propose_terms(
			T::MaxContributors::get(),
			T::MaxMilestones::get(),
		))]
		pub fn propose_terms(origin: OriginFor<T>, mission: MissionId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_propose_terms(owner, mission)
		}

		/// A contributor signs the terms out for signature; the last signature starts the work.
		/// Only while at least `MinWorkingTime` is left before the deadline.
		///
		/// Origin: signed by a contributor on the roster.
		///
		/// - `mission`: the mission.
		/// - `terms_hash`: the hash the contributor agrees to; it must be the current terms', so
		///   a roster change between reading and signing fails rather than binds.
		///
		/// Emits `TermsSigned` and, with the last signature, `MissionActivated`. Fails with
		/// `MissionNotFound`, `NotAgreeing`, `TermsMismatch`, `NotAContributor`,
		/// `CommitmentNotFound`, `AlreadySigned` or `TooLateToStart`.
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

		/// A contributor submits the deliverable of a milestone, or resubmits it after a rejection.
		/// The content stays off-chain; its hash binds it.
		///
		/// Origin: signed by a contributor on the roster of an active mission, by the deadline.
		///
		/// - `mission`: the mission.
		/// - `milestone`: the milestone's index, from 0.
		/// - `content_hash`: hash of the delivered content.
		/// - `uri`: where the content can be fetched, at most `MaxUriLen` bytes.
		///
		/// Emits `DeliverableSubmitted`. Fails with `MissionNotFound`, `MissionNotActive`,
		/// `NotAContributor`, `DeadlinePassed`, `MilestoneNotFound`, `MilestoneAlreadyPaid`,
		/// `MilestoneAwaitingReview`, `MilestoneDisputed` or `UriTooLong`.
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

		/// The owner approves a milestone's deliverable: its amount is paid from escrow to the
		/// roster by share. Approving the last unsettled milestone completes the mission: what is
		/// left of the escrow goes back to the owner, every bond is released and the mission's
		/// records are removed.
		///
		/// Charged for a full roster, every milestone and a completion with a full pending list;
		/// the unused part is refunded.
		///
		/// Origin: signed by the mission's owner.
		///
		/// - `mission`: the mission.
		/// - `milestone`: the milestone's index, from 0.
		///
		/// Emits `MilestoneApproved` and `RewardPaid` for each contributor (`RewardUnpayable` for a
		/// part too small to receive); on completion `Refunded`, `BondReleased` and
		/// `MissionCompleted`. Fails with `MissionNotFound`, `NotMissionOwner`, `MissionNotActive`,
		/// `MilestoneNotFound`, `MilestoneNotSubmitted`, `MilestoneAlreadyPaid`,
		/// `MilestoneDisputed` or `NoContributors`.
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

		/// The owner rejects a milestone's deliverable, with the hash of its reasons; the
		/// contributors may resubmit or dispute. Only until the review period after the deadline
		/// ends: silence is consent.
		///
		/// Origin: signed by the mission's owner.
		///
		/// - `mission`: the mission.
		/// - `milestone`: the milestone's index, from 0.
		/// - `reason_hash`: hash of the reasons, whose text the owner sends to the contributors
		///   off-chain.
		///
		/// Emits `MilestoneRejected`. Fails with `MissionNotFound`, `NotMissionOwner`,
		/// `MissionNotActive`, `MilestoneNotFound`, `MilestoneNotSubmitted`,
		/// `MilestoneAlreadyPaid`, `MilestoneDisputed` or `ReviewPeriodOver`.
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

		/// A contributor disputes a rejection, within `DisputePeriod` of it: the milestone is
		/// frozen until governance resolves it. A rejection governance upheld cannot be disputed
		/// again.
		///
		/// Origin: signed by a contributor on the roster.
		///
		/// - `mission`: the mission.
		/// - `milestone`: the milestone's index, from 0.
		///
		/// Emits `MilestoneDisputed`. Fails with `MissionNotFound`, `MissionNotActive`,
		/// `NotAContributor`, `MilestoneNotFound`, `MilestoneNotRejected`, `RejectionUpheld` or
		/// `DisputePeriodOver`.
		#[pallet::call_index(10)]
		pub fn dispute_milestone(
			origin: OriginFor<T>,
			mission: MissionId,
			milestone: MilestoneIndex,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute_milestone(who, mission, milestone)
		}

		/// Governance settles a dispute: pays the milestone in full, upholds the rejection (the
		/// contributors may resubmit), or pays a part and refunds the rest. A verdict that settles
		/// the last milestone completes the mission; the unused weight is refunded.
		///
		/// Origin: `DisputeOrigin` (in Peer's runtime, two thirds of the council).
		///
		/// - `mission`: the mission.
		/// - `milestone`: the milestone's index, from 0.
		/// - `verdict`: `Approve`, `UpholdRejection` or `Split(part paid)`.
		///
		/// Emits `DisputeResolved`, and for a payment `MilestoneApproved` and `RewardPaid`; on
		/// completion as `approve_milestone`. Fails with `MissionNotFound`, `MilestoneNotFound`,
		/// `MilestoneNotDisputed` or `NoContributors`.
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

		/// The owner calls off a mission before work starts, or once nobody is left on the roster:
		/// the unpaid budget and the deposit come back and every bond is released.
		///
		/// Origin: signed by the mission's owner.
		///
		/// - `mission`: the mission.
		///
		/// Emits `Refunded`, `BondReleased` for each commitment and `MissionCancelled`. Fails with
		/// `MissionNotFound`, `NotMissionOwner` or `MissionAlreadyActive`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::cancel_mission(
			T::MaxContributors::get().saturating_mul(2),
			T::MaxMilestones::get(),
		))]
		pub fn cancel_mission(origin: OriginFor<T>, mission: MissionId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_cancel_mission(Some(owner), mission)
		}

		/// Governance calls off a mission at any phase: the unpaid budget and the deposit go back
		/// to the owner and every bond is released. What was paid stays paid, and once the review
		/// period is over, deliverables left unreviewed are paid first: silence already approved
		/// them (as `close_expired` would); if that settles every milestone, the mission completes
		/// instead (`MissionCompleted`).
		///
		/// Origin: `ForceOrigin` (in Peer's runtime, two thirds of the council).
		///
		/// - `mission`: the mission.
		///
		/// Emits `Refunded`, `BondReleased` for each commitment and `MissionCancelled { by_force:
		/// true }`. Fails with `MissionNotFound`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::force_cancel_mission(
			T::MaxContributors::get(),
			T::MaxMilestones::get(),
		).max(Pallet::<T>::end_before_work_max_weight()))]
		pub fn force_cancel_mission(origin: OriginFor<T>, mission: MissionId) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_cancel_mission(None, mission)
		}

		/// A contributor leaves an active mission: its bond is forfeited to the budget (in a
		/// mission paid in another asset than the native currency, to the owner) and its share is
		/// spread over the rest of the roster.
		///
		/// Origin: signed by a contributor on the roster of an active mission.
		///
		/// - `mission`: the mission.
		///
		/// Emits `ContributorAbandoned`. Fails with `MissionNotFound`, `MissionNotActive`,
		/// `NotAContributor` or `CommitmentNotFound`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::abandon(T::MaxContributors::get()))]
		pub fn abandon(origin: OriginFor<T>, mission: MissionId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let roster_len = Self::do_abandon(who, mission)?;
			Ok(Some(T::WeightInfo::abandon(roster_len)).into())
		}

		/// Closes a mission whose deadline has passed (and, if active, its review period and the
		/// dispute period of every rejection): silence is consent, so unreviewed deliverables are
		/// paid. If every milestone is then settled the mission completes as by
		/// `approve_milestone`; otherwise the rest of the escrow goes back to the owner. Bonds are
		/// judged by milestone: if some unsettled milestone of an active mission never received a
		/// deliverable, the bond of each contributor who delivered nothing is forfeited to the
		/// owner; if every unsettled milestone received one (the owner rejected it), no bond is
		/// forfeited, so an owner never profits from rejecting. Every other bond is released.
		///
		/// Origin: signed by anyone.
		///
		/// - `mission`: the mission.
		///
		/// Emits `MissionExpired` (or `MissionCompleted`), with `RewardPaid`, `Refunded`,
		/// `BondReleased` and `BondForfeited` as they apply. Fails with `MissionNotFound`,
		/// `NotExpired`, `DisputePeriodRunning` or `DisputeOpen`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::close_expired(
			T::MaxContributors::get(),
			T::MaxMilestones::get(),
		).max(Pallet::<T>::end_before_work_max_weight()))]
		pub fn close_expired(origin: OriginFor<T>, mission: MissionId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_expired(mission)
		}

		/// Governance accepts an asset for missions, with the smallest budget a mission in it may
		/// have, or (`None`) stops new missions in it; missions it already pays go on.
		///
		/// Origin: `AssetOrigin` (in Peer's runtime, two thirds of the council).
		///
		/// - `asset`: the asset; not the native currency, whose minimum is the `MinimumBudget`
		///   parameter.
		/// - `minimum`: at least the asset's minimum balance (and more than zero).
		///
		/// Emits `MinimumBudgetSet`. Fails with `NativeMinimumIsAParameter`, `AssetNotAccepted`
		/// (no such asset) or `MinimumBelowAssetMinimum`.
		#[pallet::call_index(16)]
		pub fn set_minimum_budget(
			origin: OriginFor<T>,
			asset: T::AssetKind,
			minimum: Option<BalanceOf<T>>,
		) -> DispatchResult {
			T::AssetOrigin::ensure_origin(origin)?;
			Self::do_set_minimum_budget(asset, minimum)
		}

		/// Pays the caller what was kept for it in `asset` from `from` (`Claimable`): a payout
		/// or refund the asset could not deliver when it was due.
		///
		/// Origin: signed by the recipient.
		///
		/// - `asset`: the asset.
		/// - `from`: who holds it (the mission's owner; the caller itself for a refund).
		///
		/// Emits `Claimed`. Fails with `NothingToClaim` or `CannotReceive` (the asset still
		/// cannot deliver it: frozen, or the account blocked).
		#[pallet::call_index(17)]
		pub fn claim(
			origin: OriginFor<T>,
			asset: T::AssetKind,
			from: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(who, asset, from)
		}
		/// The owner adds `amount` to a milestone's reward, held from it in the mission's asset
		/// at once. Before work it applies at once (terms out for signature are voided); once
		/// work has started it joins the pending amendment, which binds when every contributor
		/// on the roster agreed to it (`agree_amendment`): until then the signed terms stand.
		///
		/// Origin: signed by the mission's owner; until the deadline.
		///
		/// - `mission`: the mission.
		/// - `milestone`: the milestone's index, from 0; not settled.
		/// - `amount`: more than zero, in the mission's asset.
		///
		/// Emits `BudgetIncreased` (at once) or `AmendmentProposed`. Fails with `MissionNotFound`,
		/// `NotMissionOwner`, `DeadlinePassed`, `ZeroMilestoneAmount`, `MilestoneNotFound`,
		/// `MilestoneAlreadyPaid`, `InsufficientBalance` or `TooManyMilestones`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::increase_budget(
			T::MaxContributors::get(),
			T::MaxMilestones::get()
		))]
		pub fn increase_budget(
			origin: OriginFor<T>,
			mission: MissionId,
			milestone: MilestoneIndex,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_amend(owner, mission, amendments::Change::TopUp { milestone, amount })
		}

		/// The owner adds a milestone paying `amount`, held from it in the mission's asset at
		/// once; before work it applies at once, once work has started it joins the pending
		/// amendment (as `increase_budget`).
		///
		/// Origin: signed by the mission's owner; until the deadline.
		///
		/// - `mission`: the mission.
		/// - `description_hash`: hash of what is to be delivered.
		/// - `amount`: more than zero, in the mission's asset.
		///
		/// Emits `BudgetIncreased` (at once) or `AmendmentProposed`. Fails with `MissionNotFound`,
		/// `NotMissionOwner`, `DeadlinePassed`, `ZeroMilestoneAmount`, `TooManyMilestones` or
		/// `InsufficientBalance`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::add_milestone(
			T::MaxContributors::get(),
			T::MaxMilestones::get()
		))]
		pub fn add_milestone(
			origin: OriginFor<T>,
			mission: MissionId,
			description_hash: H256,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_amend(
				owner,
				mission,
				amendments::Change::AddMilestone { description_hash, amount },
			)
		}

		/// The owner moves the deadline later. Before work, or with nobody on the roster, it
		/// applies at once (terms out for signature are voided); once work has started it joins
		/// the pending amendment and applies only when every contributor on the roster agreed: no
		/// one's bond is judged against a deadline it did not agree to. The amendment lapses at
		/// the deadline in force.
		///
		/// Origin: signed by the mission's owner; until the deadline.
		///
		/// - `mission`: the mission.
		/// - `deadline`: later than the deadline in force (and than one already proposed), at
		///   most `MaxDuration` after the mission was posted.
		///
		/// Emits `DeadlineExtended` (at once) or `AmendmentProposed`. Fails with
		/// `MissionNotFound`, `NotMissionOwner`, `DeadlinePassed`, `DeadlineNotLater` or
		/// `DeadlineTooFar`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::extend_deadline(
			T::MaxContributors::get(),
			T::MaxMilestones::get()
		))]
		pub fn extend_deadline(
			origin: OriginFor<T>,
			mission: MissionId,
			deadline: BlockNumberFor<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_amend(owner, mission, amendments::Change::Deadline(deadline))
		}

		/// A contributor agrees to the pending amendment; the last agreement applies it: the
		/// top-ups, new milestones and deadline bind, and the mission's terms hash is the
		/// amended one.
		///
		/// Origin: signed by a contributor on the roster; until the deadline in force.
		///
		/// - `mission`: the mission.
		/// - `terms_hash`: the amendment's terms hash, as the contributor's client showed it.
		///
		/// Emits `AmendmentAgreed` and, with the last agreement, `AmendmentApplied`. Fails with
		/// `MissionNotFound`, `NotAContributor`, `NoAmendment`, `AmendmentLapsed`,
		/// `TermsMismatch` or `AlreadySigned`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::agree_amendment(
			T::MaxContributors::get(),
			T::MaxMilestones::get()
		))]
		pub fn agree_amendment(
			origin: OriginFor<T>,
			mission: MissionId,
			terms_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_agree_amendment(who, mission, terms_hash).map(|_| ())
		}

		/// The owner withdraws the pending amendment; what it held comes back.
		///
		/// Origin: signed by the mission's owner.
		///
		/// - `mission`: the mission.
		///
		/// Emits `AmendmentDropped` and `Refunded`. Fails with `MissionNotFound`,
		/// `NotMissionOwner` or `NoAmendment`.
		#[pallet::call_index(22)]
		pub fn withdraw_amendment(origin: OriginFor<T>, mission: MissionId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_withdraw_amendment(owner, mission)
		}
	}
}
