#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use codec::{Decode, Encode, MaxEncodedLen};
use pallet_missions::{MissionId, Settlement};
use scale_info::TypeInfo;

/// Points in thousandths: 1 point is 1000.
pub const POINT: u64 = 1000;

/// What an account has done, and its points as of `updated`.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub struct Record<Balance, BlockNumber> {
	/// Missions completed while on the roster.
	pub missions_completed: u32,
	/// Milestones paid while on the roster.
	pub milestones_paid: u32,
	/// Of those, approved on the first submission.
	pub approved_first_try: u32,
	/// Rejections of milestones it was on the roster of.
	pub rejections: u32,
	/// Disputes lost: the rejection was upheld.
	pub rejections_upheld: u32,
	/// Disputes won (wholly or by a split).
	pub disputes_won: u32,
	/// Bonds forfeited.
	pub bonds_forfeited: u32,
	/// Missions that expired with nothing delivered by it.
	pub expired_idle: u32,
	/// Everything it was paid in missions paid in PEER (other assets' units do not add up
	/// with it; their payouts count in `milestones_paid`).
	pub total_earned: Balance,
	/// Everything it forfeited.
	pub total_forfeited: Balance,
	/// Points, in thousandths, as of `updated`.
	pub points: u64,
	/// The block `points` was last brought up to date.
	pub updated: BlockNumber,
}

/// An account's reputation as the runtime API shows it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ReputationView<Balance, BlockNumber> {
	/// The score now (decayed to the current block).
	pub score: u32,
	/// The counters.
	pub record: Record<Balance, BlockNumber>,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::Contains};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{AtLeast32BitUnsigned, Saturating, UniqueSaturatedInto, Zero},
		Perbill,
	};

	/// The in-code storage version: raise it with a migration when a stored
	/// type changes (see `runtime/src/migrations.rs`).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The balance type missions pay in.
		type Balance: Parameter + Member + AtLeast32BitUnsigned + Copy + MaxEncodedLen + Default;
		/// Blocks over which points lose half their value.
		#[pallet::constant]
		type HalfLife: Get<BlockNumberFor<Self>>;
		/// The most points (whole points) an account may hold from the
		/// missions of any one owner, and the most one owner's missions may
		/// take from it.
		#[pallet::constant]
		type MaxPointsPerOwner: Get<u32>;
		/// The accounts that keep a record (in Peer, the consortium's members):
		/// outcomes of anyone else are not stored, as nobody paid a deposit for
		/// their storage.
		type Recorded: Contains<Self::AccountId>;
	}

	/// Each account's record.
	#[pallet::storage]
	pub type Reputations<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Record<T::Balance, BlockNumberFor<T>>,
		ValueQuery,
	>;

	/// Points (in thousandths) each account gained from each owner's
	/// missions, as of the block beside them: what the per-owner cap reads.
	#[pallet::storage]
	pub type PointsFromOwner<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		(u64, BlockNumberFor<T>),
		OptionQuery,
	>;

	/// Points (in thousandths) each account lost to each owner's missions, as
	/// of the block beside them: what the per-owner cap on losses reads, so
	/// that no single owner (with puppets on its rosters, say) can take more
	/// than `MaxPointsPerOwner` from an account.
	#[pallet::storage]
	pub type PointsTakenByOwner<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		(u64, BlockNumberFor<T>),
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An outcome in a mission changed an account's reputation.
		ReputationChanged {
			/// The account.
			who: T::AccountId,
			/// The mission the outcome came from.
			mission: MissionId,
			/// Its score now.
			score: u32,
		},
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::HalfLife::get().is_zero(), "HalfLife must be positive");
			assert!(T::MaxPointsPerOwner::get() > 0, "MaxPointsPerOwner must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// `points` decayed over `elapsed` blocks.
		pub fn decay(points: u64, elapsed: BlockNumberFor<T>) -> u64 {
			let half_life: u64 = T::HalfLife::get().unique_saturated_into();
			let elapsed: u64 = elapsed.unique_saturated_into();
			let halvings = elapsed / half_life.max(1);
			if halvings >= 64 {
				return 0;
			}
			let halved = points >> halvings;
			// Within a half-life: multiply by 1 - f/2.
			let f = Perbill::from_rational(elapsed % half_life.max(1), half_life.max(1));
			halved.saturating_sub((f / 2).mul_floor(halved))
		}

		/// What of `points` fits under `MaxPointsPerOwner` beside `entry` (the points
		/// already counted against the cap, as of its block, decayed to `now`), and
		/// `entry` brought up to date with it.
		fn within_cap(
			entry: &mut Option<(u64, BlockNumberFor<T>)>,
			points: u64,
			now: BlockNumberFor<T>,
		) -> u64 {
			let cap = (T::MaxPointsPerOwner::get() as u64).saturating_mul(POINT);
			let counted = entry.map_or(0, |(p, at)| Self::decay(p, now.saturating_sub(at)));
			let points = points.min(cap.saturating_sub(counted));
			*entry = Some((counted.saturating_add(points), now));
			points
		}

		/// The score of `who` now.
		pub fn score_of(who: &T::AccountId) -> u32 {
			let r = Reputations::<T>::get(who);
			let now = frame_system::Pallet::<T>::block_number();
			let points = Self::decay(r.points, now.saturating_sub(r.updated));
			(points / POINT).min(u32::MAX as u64) as u32
		}

		/// The record and current score of `who`.
		pub fn view(who: &T::AccountId) -> ReputationView<T::Balance, BlockNumberFor<T>> {
			ReputationView { score: Self::score_of(who), record: Reputations::<T>::get(who) }
		}

		/// Whether `outcome` moves a counter: every loss does; a gain only
		/// when it paid something.
		fn counts(outcome: &Settlement<T::Balance>) -> bool {
			match outcome {
				Settlement::MilestonePaid { amount, .. }
				| Settlement::DisputeWon { amount, .. } => !amount.is_zero(),
				Settlement::MissionCompleted { earned } => !earned.is_zero(),
				Settlement::MissionExpired { delivered } => !delivered,
				Settlement::MilestoneRejected { .. }
				| Settlement::DisputeLost { .. }
				| Settlement::BondForfeited { .. } => true,
			}
		}

		/// Checks the pallet's invariants:
		/// - no record or per-owner entry is dated after the current block;
		/// - every stored record moved a counter (storage grows only with
		///   outcomes that count), and its totals agree with its counters;
		/// - what an account holds from one owner, and what one owner took
		///   from it, never exceed the cap, and belong to an account with a
		///   record.
		#[cfg(any(feature = "std", feature = "try-runtime"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use frame_support::ensure;
			let now = frame_system::Pallet::<T>::block_number();
			for (_, r) in Reputations::<T>::iter() {
				ensure!(r.updated <= now, "a record is dated in the future");
				let counters = [
					r.missions_completed,
					r.milestones_paid,
					r.rejections,
					r.rejections_upheld,
					r.disputes_won,
					r.bonds_forfeited,
					r.expired_idle,
				];
				ensure!(counters.iter().any(|c| *c > 0), "a stored record counts nothing");
				ensure!(
					r.approved_first_try <= r.milestones_paid,
					"more first-try approvals than milestones paid"
				);
				ensure!(
					r.total_earned.is_zero() || r.milestones_paid > 0,
					"earnings without a milestone paid"
				);
				ensure!(
					r.total_forfeited.is_zero() || r.bonds_forfeited > 0,
					"a forfeit total without a bond forfeited"
				);
			}
			let cap = (T::MaxPointsPerOwner::get() as u64).saturating_mul(POINT);
			let per_owner = PointsFromOwner::<T>::iter().chain(PointsTakenByOwner::<T>::iter());
			for (who, _, (points, at)) in per_owner {
				ensure!(at <= now, "points counted against an owner's cap are dated in the future");
				ensure!(points <= cap, "points counted against one owner above the cap");
				ensure!(
					Reputations::<T>::contains_key(&who),
					"points counted against an owner's cap without a record"
				);
			}
			Ok(())
		}

		/// Counts `outcome` for `who` in a mission of `owner` and moves its points.
		pub fn record(
			mission: MissionId,
			owner: &T::AccountId,
			who: &T::AccountId,
			outcome: Settlement<T::Balance>,
		) {
			if !Self::counts(&outcome) || !T::Recorded::contains(who) {
				// No record, no event: storage grows only with outcomes that
				// count, of accounts that may keep a record.
				return;
			}
			let now = frame_system::Pallet::<T>::block_number();
			Reputations::<T>::mutate(who, |r| {
				r.points = Self::decay(r.points, now.saturating_sub(r.updated));
				r.updated = now;
				let (mut gain, mut loss) = match outcome {
					// Nothing earned, nothing counted: a zero part is no work paid.
					Settlement::MilestonePaid { amount, .. } if amount.is_zero() => (0, 0),
					Settlement::MilestonePaid { amount, first_try, native, .. } => {
						r.milestones_paid.saturating_inc();
						// Units of different assets do not add up: PEER only.
						if native {
							r.total_earned = r.total_earned.saturating_add(amount);
						}
						if first_try {
							r.approved_first_try.saturating_inc();
							(15 * POINT, 0)
						} else {
							(10 * POINT, 0)
						}
					}
					Settlement::MissionCompleted { earned } if earned.is_zero() => (0, 0),
					Settlement::MissionCompleted { .. } => {
						r.missions_completed.saturating_inc();
						(20 * POINT, 0)
					}
					Settlement::DisputeWon { amount, .. } if amount.is_zero() => (0, 0),
					Settlement::DisputeWon { .. } => {
						r.disputes_won.saturating_inc();
						(5 * POINT, 0)
					}
					Settlement::MilestoneRejected { .. } => {
						r.rejections.saturating_inc();
						(0, 2 * POINT)
					}
					Settlement::DisputeLost { .. } => {
						r.rejections_upheld.saturating_inc();
						(0, 10 * POINT)
					}
					Settlement::MissionExpired { delivered: false } => {
						r.expired_idle.saturating_inc();
						(0, 20 * POINT)
					}
					Settlement::MissionExpired { delivered: true } => (0, 0),
					Settlement::BondForfeited { amount } => {
						r.bonds_forfeited.saturating_inc();
						r.total_forfeited = r.total_forfeited.saturating_add(amount);
						(0, 50 * POINT)
					}
				};
				// What one owner's missions give and take is capped, each apart (an
				// outcome that moves no points touches no entry).
				if gain > 0 {
					gain = PointsFromOwner::<T>::mutate(who, owner, |e| {
						Self::within_cap(e, gain, now)
					});
				}
				if loss > 0 {
					loss = PointsTakenByOwner::<T>::mutate(who, owner, |e| {
						Self::within_cap(e, loss, now)
					});
				}
				r.points = r.points.saturating_add(gain).saturating_sub(loss);
			});
			Self::deposit_event(Event::ReputationChanged {
				who: who.clone(),
				mission,
				score: Self::score_of(who),
			});
		}
	}

	impl<T: Config> pallet_missions::OnSettled<T::AccountId, T::Balance> for Pallet<T> {
		fn on_settled(
			mission: MissionId,
			owner: &T::AccountId,
			who: &T::AccountId,
			outcome: Settlement<T::Balance>,
		) {
			Self::record(mission, owner, who, outcome)
		}
	}

	impl<T: Config> pallet_missions::ReputationOf<T::AccountId> for Pallet<T> {
		fn reputation_of(who: &T::AccountId) -> u32 {
			Self::score_of(who)
		}
	}
}
