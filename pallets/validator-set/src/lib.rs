#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;
pub use weights::WeightInfo;

/// Session keys, as the session pallet keeps them.
pub trait SessionKeys<AccountId> {
	/// Whether `who` registered session keys (`session.set_keys`).
	fn has_keys(who: &AccountId) -> bool;
	/// Removes `who`'s session keys and releases their deposit.
	fn purge_keys(who: &AccountId) -> frame_support::dispatch::DispatchResult;
}

/// Ends the current session and starts the next: `pallet_session::Pallet::rotate_session`.
pub trait RotateSession {
	/// Rotates the session now.
	fn rotate_session();
}

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `who` a consortium member with registered session keys.
	fn candidate(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Contains};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Saturating, Zero};

	/// The in-code storage version: raise it with a migration when a stored
	/// type changes (see `runtime/src/migrations.rs`).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who adds and removes validators and sets the session length (the council).
		type AddRemoveOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Who changes the fewest validators the set may hold ([`MinimumValidators`]): a
		/// decision that can let the set shrink to a size one faction runs, so in Peer
		/// Root (three quarters of the council).
		type MinimumOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Consortium members: only they may validate.
		type Members: Contains<Self::AccountId>;
		/// Session keys: who has them, and removing them ([`Pallet::purge_keys`]).
		type SessionKeys: SessionKeys<Self::AccountId>;
		/// Rotates the session when this pallet's hook says it is time.
		type Rotation: RotateSession;
		/// The fewest validators the set may hold on a chain whose genesis names no other
		/// minimum (the development chain names one): see [`MinimumValidators`].
		#[pallet::constant]
		type MinValidators: Get<u32>;
		/// The most validators the set may hold (at most the consensus pallets'
		/// `MaxAuthorities`).
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// The shortest session the council may set, in blocks.
		#[pallet::constant]
		type MinSessionLength: Get<BlockNumberFor<Self>>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
		/// Makes an account a member with session keys, for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The validators of the next planned session, in the order they were added.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// The fewest validators the set may hold: no vote, departure or offence takes
	/// it below. Set at genesis (`MinValidators` unless the genesis names another)
	/// and by `MinimumOrigin`.
	#[pallet::storage]
	pub type MinimumValidators<T: Config> = StorageValue<_, u32, ValueQuery, T::MinValidators>;

	/// Whether [`Validators`] changed since the last session was planned.
	#[pallet::storage]
	pub type SetChanged<T> = StorageValue<_, bool, ValueQuery>;

	/// How many blocks a session lasts.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The block at which the current session began.
	#[pallet::storage]
	pub type SessionStart<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The first validators (each must also have keys in `session`'s genesis).
		/// Empty: `session`'s genesis keys are the first set, and this pallet
		/// manages nothing until the council adds a validator.
		pub validators: Vec<T::AccountId>,
		/// The session length, in blocks.
		pub session_length: BlockNumberFor<T>,
		/// The fewest validators the set may hold (at least 1); `MinValidators` by
		/// default.
		pub min_validators: u32,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self {
				validators: Vec::new(),
				session_length: T::MinSessionLength::get(),
				min_validators: T::MinValidators::get(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				self.session_length >= T::MinSessionLength::get(),
				"genesis session length below MinSessionLength"
			);
			assert!(self.min_validators >= 1, "a genesis minimum of no validators");
			assert!(
				self.validators.is_empty() || self.validators.len() as u32 >= self.min_validators,
				"fewer genesis validators than its minimum"
			);
			let mut seen = self.validators.clone();
			seen.sort();
			seen.dedup();
			assert_eq!(seen.len(), self.validators.len(), "duplicate genesis validator");
			let set: BoundedVec<T::AccountId, T::MaxValidators> = self
				.validators
				.clone()
				.try_into()
				.expect("more genesis validators than MaxValidators");
			Validators::<T>::put(set);
			SessionLength::<T>::put(self.session_length);
			MinimumValidators::<T>::put(self.min_validators);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` joins the set at the next session.
		ValidatorAdded {
			/// The validator's account.
			who: T::AccountId,
		},
		/// `who` leaves the set at the next session.
		ValidatorRemoved {
			/// The validator's account.
			who: T::AccountId,
		},
		/// The set may now shrink to no fewer than `min` validators.
		MinimumSet {
			/// The new minimum.
			min: u32,
		},
		/// Sessions now last `length` blocks (from the current one on).
		SessionLengthSet {
			/// The new session length, in blocks.
			length: BlockNumberFor<T>,
		},
		/// `who` was reported for an offence in `session`; `removed` says whether it
		/// leaves the set (it stays when the set is at its minimum).
		OffenceReported {
			/// The validator's account.
			who: T::AccountId,
			/// The session of the offence.
			session: u32,
			/// Whether it was removed from the set (not if the set would fall below
			/// its minimum).
			removed: bool,
		},
		/// `who` left the consortium; `removed` says whether it leaves the set
		/// (it stays when the set is at its minimum, until the council replaces it).
		ValidatorLeftConsortium {
			/// The validator's account.
			who: T::AccountId,
			/// Whether it was removed from the set (not if the set would fall below
			/// its minimum).
			removed: bool,
		},
		/// `who` removed its session keys and got their deposit back.
		KeysPurged {
			/// The validator's account.
			who: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a consortium member.
		NotAMember,
		/// The account has not registered session keys (`session.set_keys`).
		NoSessionKeys,
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The set holds `MaxValidators` validators.
		TooManyValidators,
		/// The set would fall below its minimum ([`MinimumValidators`]).
		TooFewValidators,
		/// A minimum must be at least one validator, and at most the set's size.
		MinimumOutOfRange,
		/// The session length is below `MinSessionLength`.
		SessionTooShort,
		/// A validator keeps its session keys: the council removes it from the
		/// set first.
		StillValidator,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Rotates the session once it is [`SessionLength`] blocks old, charging
		/// what a rotation with the set's size was measured to take. (Left to
		/// itself, `pallet_session` would claim the whole block for a rotation,
		/// leaving the block that starts each session without transactions.)
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			if now < Self::session_end() {
				return T::DbWeight::get().reads(2);
			}
			T::Rotation::rotate_session();
			T::WeightInfo::rotate_session(T::MaxValidators::get())
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `who` to the validator set from the next session on.
		///
		/// Origin: `AddRemoveOrigin` (in Peer's runtime, three quarters of the council).
		///
		/// - `who`: a consortium member that registered session keys (`session.setKeys`).
		///
		/// Emits `ValidatorAdded`. Fails with `NotAMember`, `NoSessionKeys`, `AlreadyValidator` or
		/// `TooManyValidators`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			ensure!(T::Members::contains(&who), Error::<T>::NotAMember);
			ensure!(T::SessionKeys::has_keys(&who), Error::<T>::NoSessionKeys);
			let mut set = Validators::<T>::get();
			ensure!(!set.contains(&who), Error::<T>::AlreadyValidator);
			set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
			Validators::<T>::put(set);
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Removes `who` from the validator set from the next session on.
		///
		/// Origin: `AddRemoveOrigin` (in Peer's runtime, three quarters of the council).
		///
		/// - `who`: a validator.
		///
		/// Emits `ValidatorRemoved`. Fails with `NotValidator` or `TooFewValidators` (the set keeps
		/// at least its minimum, [`MinimumValidators`]).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			let mut set = Validators::<T>::get();
			let at = set.iter().position(|v| v == &who).ok_or(Error::<T>::NotValidator)?;
			ensure!(set.len() as u32 > MinimumValidators::<T>::get(), Error::<T>::TooFewValidators);
			set.remove(at);
			Validators::<T>::put(set);
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// Sets how many blocks a session lasts. The current session ends once it is `length`
		/// blocks old.
		///
		/// Origin: `AddRemoveOrigin` (in Peer's runtime, three quarters of the council).
		///
		/// - `length`: blocks per session, at least `MinSessionLength`.
		///
		/// Emits `SessionLengthSet`. Fails with `SessionTooShort`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			length: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			ensure!(length >= T::MinSessionLength::get(), Error::<T>::SessionTooShort);
			SessionLength::<T>::put(length);
			Self::deposit_event(Event::SessionLengthSet { length });
			Ok(())
		}

		/// Removes the caller's session keys and releases their deposit: the only way to, since the
		/// runtime filters `session.purgeKeys` out. A validator keeps its keys until the council
		/// has taken it out of the set; otherwise the session pallet would drop it at the next
		/// rotation and the set could fall below its minimum.
		///
		/// Origin: signed by an account with session keys that is not a validator.
		///
		/// Emits `KeysPurged`. Fails with `StillValidator` or `NoSessionKeys`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::purge_keys())]
		pub fn purge_keys(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!Validators::<T>::get().contains(&who), Error::<T>::StillValidator);
			ensure!(T::SessionKeys::has_keys(&who), Error::<T>::NoSessionKeys);
			T::SessionKeys::purge_keys(&who)?;
			Self::deposit_event(Event::KeysPurged { who });
			Ok(())
		}

		/// Sets the fewest validators the set may hold. Lowering it is how the consortium
		/// recovers from validators lost for good (their operators gone): lower the minimum,
		/// then remove them, in one Root decision.
		///
		/// Origin: `MinimumOrigin` (in Peer's runtime, Root: three quarters of the council).
		///
		/// - `min`: at least 1 and at most the set's current size.
		///
		/// Emits `MinimumSet`. Fails with `MinimumOutOfRange`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_min_validators())]
		pub fn set_min_validators(origin: OriginFor<T>, min: u32) -> DispatchResult {
			T::MinimumOrigin::ensure_origin(origin)?;
			ensure!(
				min >= 1 && min <= Validators::<T>::decode_len().unwrap_or(0) as u32,
				Error::<T>::MinimumOutOfRange
			);
			MinimumValidators::<T>::put(min);
			Self::deposit_event(Event::MinimumSet { min });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Takes `who` out of the set if it is in and the set stays at or above its
		/// minimum. Returns whether it was taken out.
		fn take_out(who: &T::AccountId) -> bool {
			Validators::<T>::mutate(|set| match set.iter().position(|v| v == who) {
				Some(at) if set.len() as u32 > MinimumValidators::<T>::get() => {
					set.remove(at);
					SetChanged::<T>::put(true);
					true
				}
				_ => false,
			})
		}

		/// `who` left the consortium: it leaves the set too, within the minimum.
		/// Returns the weight used.
		pub fn member_left(who: &T::AccountId) -> Weight {
			if Validators::<T>::get().contains(who) {
				let removed = Self::take_out(who);
				Self::deposit_event(Event::ValidatorLeftConsortium { who: who.clone(), removed });
			}
			Self::member_left_weight()
		}

		/// The most [`Self::member_left`] weighs: it does what `remove_validator`
		/// does, without the origin check.
		pub fn member_left_weight() -> Weight {
			T::WeightInfo::remove_validator(T::MaxValidators::get())
		}

		/// The block at which the current session ends.
		fn session_end() -> BlockNumberFor<T> {
			SessionStart::<T>::get().saturating_add(SessionLength::<T>::get())
		}

		/// The set's invariants: within its bounds, no duplicates, every
		/// validator with session keys, a session length the council could set.
		/// (Membership is checked when a validator is added; one who left the
		/// consortium may stay while the set is at its minimum.)
		#[cfg(any(feature = "std", feature = "try-runtime"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let set = Validators::<T>::get();
			let mut sorted = set.clone().into_inner();
			sorted.sort();
			sorted.dedup();
			ensure!(sorted.len() == set.len(), "duplicate validator");
			ensure!(set.iter().all(T::SessionKeys::has_keys), "a validator without session keys");
			ensure!(MinimumValidators::<T>::get() >= 1, "a minimum of no validators");
			ensure!(
				set.is_empty() || set.len() as u32 >= MinimumValidators::<T>::get(),
				"fewer validators than the minimum"
			);
			ensure!(
				SessionLength::<T>::get() >= T::MinSessionLength::get(),
				"session shorter than MinSessionLength"
			);
			Ok(())
		}
	}

	/// The session pallet never ends a session by itself: this pallet's
	/// `on_initialize` rotates it, weighed by a benchmark (see the hook).
	impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
		fn should_end_session(_now: BlockNumberFor<T>) -> bool {
			false
		}
	}

	impl<T: Config> frame_support::traits::EstimateNextSessionRotation<BlockNumberFor<T>>
		for Pallet<T>
	{
		fn average_session_length() -> BlockNumberFor<T> {
			SessionLength::<T>::get()
		}

		fn estimate_current_session_progress(
			now: BlockNumberFor<T>,
		) -> (Option<sp_runtime::Permill>, Weight) {
			let length = SessionLength::<T>::get();
			let progress = if length.is_zero() {
				None
			} else {
				let elapsed = now.saturating_sub(SessionStart::<T>::get()).min(length);
				Some(sp_runtime::Permill::from_rational(elapsed, length))
			};
			(progress, T::DbWeight::get().reads(2))
		}

		fn estimate_next_session_rotation(
			_now: BlockNumberFor<T>,
		) -> (Option<BlockNumberFor<T>>, Weight) {
			(Some(Self::session_end()), T::DbWeight::get().reads(2))
		}
	}

	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		fn new_session(_new_index: u32) -> Option<Vec<T::AccountId>> {
			SetChanged::<T>::take().then(|| Validators::<T>::get().into_inner())
		}

		fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
			let set = Validators::<T>::get();
			(!set.is_empty()).then(|| set.into_inner())
		}

		fn end_session(_end_index: u32) {}

		fn start_session(_start_index: u32) {
			SessionStart::<T>::put(frame_system::Pallet::<T>::block_number());
		}
	}

	impl<T: Config, Reporter>
		sp_staking::offence::OnOffenceHandler<Reporter, (T::AccountId, ()), Weight> for Pallet<T>
	{
		fn on_offence(
			offenders: &[sp_staking::offence::OffenceDetails<Reporter, (T::AccountId, ())>],
			_slash_fraction: &[sp_runtime::Perbill],
			session: u32,
		) -> Weight {
			let mut weight = Weight::zero();
			for details in offenders {
				let who = &details.offender.0;
				let removed = Self::take_out(who);
				Self::deposit_event(Event::OffenceReported { who: who.clone(), session, removed });
				weight =
					weight.saturating_add(T::WeightInfo::remove_validator(T::MaxValidators::get()));
			}
			weight
		}
	}
}

/// The full identification of a validator for the historical session pallet:
/// nothing beyond its account (Peer has no stake to expose).
pub struct FullIdentificationOf;
impl<AccountId> sp_runtime::traits::Convert<AccountId, Option<()>> for FullIdentificationOf {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}
