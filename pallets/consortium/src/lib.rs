#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;
pub use weights::WeightInfo;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::weights::Weight;
use scale_info::TypeInfo;

/// What kind of party a member is.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	frame_support::Serialize,
	frame_support::Deserialize,
)]
#[serde(crate = "frame_support::__private::serde")]
pub enum MemberKind {
	/// A company or another legal entity.
	Organization,
	/// A natural person.
	Individual,
}

/// Told when a member leaves the consortium, whichever way.
pub trait OnMemberLeft<AccountId> {
	/// `who` is no longer a member.
	fn on_member_left(who: &AccountId) -> Weight;
	/// The most `on_member_left` may weigh.
	fn max_weight() -> Weight;
}

impl<AccountId> OnMemberLeft<AccountId> for () {
	fn on_member_left(_: &AccountId) -> Weight {
		Weight::zero()
	}
	fn max_weight() -> Weight {
		Weight::zero()
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::{Fortitude, Precision},
			ChangeMembers, Contains, InitializeMembers,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::traits::{Dispatchable, Saturating, Zero};

	/// The balance type of the pallet's currency.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// A member of the consortium.
	#[derive(
		Encode,
		Decode,
		MaxEncodedLen,
		TypeInfo,
		frame_support::CloneNoBound,
		frame_support::PartialEqNoBound,
		frame_support::EqNoBound,
		frame_support::DebugNoBound,
	)]
	#[scale_info(skip_type_params(T))]
	#[codec(mel_bound())]
	pub struct MemberRecord<T: Config> {
		/// The name shown for it.
		pub name: BoundedVec<u8, T::MaxNameLen>,
		/// Organization or individual.
		pub kind: MemberKind,
		/// Hash of its charter or statutes, if it published one.
		pub charter: Option<H256>,
		/// The block it joined in.
		pub joined: BlockNumberFor<T>,
		/// The block from which it may retire, once it gave notice.
		pub leaves_at: Option<BlockNumberFor<T>>,
	}

	/// An application to join.
	#[derive(
		Encode,
		Decode,
		MaxEncodedLen,
		TypeInfo,
		frame_support::CloneNoBound,
		frame_support::PartialEqNoBound,
		frame_support::EqNoBound,
		frame_support::DebugNoBound,
	)]
	#[scale_info(skip_type_params(T))]
	#[codec(mel_bound())]
	pub struct Application<T: Config> {
		/// The name it would be shown with.
		pub name: BoundedVec<u8, T::MaxNameLen>,
		/// Organization or individual.
		pub kind: MemberKind,
		/// Hash of its charter, if any.
		pub charter: Option<H256>,
		/// The deposit held.
		pub deposit: BalanceOf<T>,
		/// The block it applied in.
		pub applied: BlockNumberFor<T>,
	}

	/// The in-code storage version: raise it with a migration when a stored
	/// type changes (see `runtime/src/migrations.rs`).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an application to join.
		ApplicationDeposit,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The calls `dispatch_as_root` may dispatch.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>;

		// --- Origins ---

		/// Admits or rejects applicants.
		type AdmitOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Removes members.
		type RemoveOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// May dispatch any call as Root (runtime upgrades among them).
		type RootOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		// --- Currency ---

		/// Holds application deposits.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// Held from an applicant until the council decides.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		// --- Bounds and periods ---

		/// Most members.
		#[pallet::constant]
		type MaxMembers: Get<u32>;
		/// Fewest members: the last ones cannot leave.
		#[pallet::constant]
		type MinMembers: Get<u32>;
		/// Most applications awaiting a decision.
		#[pallet::constant]
		type MaxApplications: Get<u32>;
		/// Longest display name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;
		/// Blocks between giving notice and being free to retire.
		#[pallet::constant]
		type NoticePeriod: Get<BlockNumberFor<Self>>;

		// --- The rest ---

		/// Told of every change of the member set (the council's membership).
		type MembershipChanged: ChangeMembers<Self::AccountId> + InitializeMembers<Self::AccountId>;
		/// Told when a member leaves.
		type OnMemberLeft: OnMemberLeft<Self::AccountId>;
		/// The most [`Config::MembershipChanged`] may weigh for one change of
		/// the member set (the council rewrites the votes of every open
		/// motion): charged on top of `admit`, `retire` and `remove_member`.
		type MembershipChangeWeight: Get<Weight>;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// The members and their records.
	#[pallet::storage]
	pub type Members<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, MemberRecord<T>>;

	/// The members, sorted: what the council votes with.
	#[pallet::storage]
	pub type MemberList<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxMembers>, ValueQuery>;

	/// Applications awaiting the council.
	#[pallet::storage]
	pub type Applications<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, Application<T>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The founding members: account, name, kind.
		pub members: Vec<(T::AccountId, Vec<u8>, MemberKind)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut list: Vec<T::AccountId> = Vec::new();
			for (who, name, kind) in &self.members {
				let name: BoundedVec<u8, T::MaxNameLen> =
					name.clone().try_into().expect("genesis member name too long");
				assert!(!Members::<T>::contains_key(who), "duplicate genesis member");
				Members::<T>::insert(
					who,
					MemberRecord::<T> {
						name,
						kind: *kind,
						charter: None,
						joined: Zero::zero(),
						leaves_at: None,
					},
				);
				list.push(who.clone());
			}
			list.sort();
			let bounded: BoundedVec<T::AccountId, T::MaxMembers> =
				list.clone().try_into().expect("more genesis members than MaxMembers");
			MemberList::<T>::put(bounded);
			T::MembershipChanged::initialize_members(&list);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account applied to join; its deposit is held.
		Applied {
			/// The applicant.
			who: T::AccountId,
			/// Organization or individual.
			kind: MemberKind,
			/// The application deposit held.
			deposit: BalanceOf<T>,
		},
		/// An applicant withdrew; its deposit was released.
		ApplicationWithdrawn {
			/// The applicant.
			who: T::AccountId,
		},
		/// The council admitted an applicant; its deposit was released.
		Admitted {
			/// The new member.
			who: T::AccountId,
		},
		/// The council rejected an applicant; its deposit was burned.
		ApplicationRejected {
			/// The applicant.
			who: T::AccountId,
			/// Its deposit, burned.
			burned: BalanceOf<T>,
		},
		/// A member gave notice; it may retire from `leaves_at`.
		NoticeGiven {
			/// The member.
			who: T::AccountId,
			/// The first block at which it may retire.
			leaves_at: BlockNumberFor<T>,
		},
		/// A member retired after its notice.
		Retired {
			/// The former member.
			who: T::AccountId,
		},
		/// The council removed a member.
		Removed {
			/// The former member.
			who: T::AccountId,
		},
		/// A call was dispatched as Root by vote.
		DispatchedAsRoot {
			/// The inner call's result: a failure is reported here, the outer call succeeds.
			result: DispatchResult,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a member.
		AlreadyMember,
		/// The account already applied.
		AlreadyApplied,
		/// The account has no application.
		NotApplicant,
		/// The account is not a member.
		NotAMember,
		/// The name is longer than `MaxNameLen`.
		NameTooLong,
		/// The consortium has `MaxMembers` members.
		TooManyMembers,
		/// `MaxApplications` applications already await the council.
		TooManyApplications,
		/// The member has not given notice.
		NoticeNotGiven,
		/// The notice period is not over.
		NoticeRunning,
		/// The member already gave notice.
		NoticeAlreadyGiven,
		/// The consortium would fall below `MinMembers`.
		TooFewMembers,
		/// Not enough free balance for the deposit.
		InsufficientBalance,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Applies to join the consortium, holding `ApplicationDeposit` until the council decides.
		///
		/// Origin: signed by an account that is neither a member nor an applicant.
		///
		/// - `name`: the display name, at most `MaxNameLen` bytes.
		/// - `kind`: `Organization` or `Individual`.
		/// - `charter`: hash of the applicant's charter or statutes, kept off-chain.
		///
		/// Emits `Applied`. Fails with `AlreadyMember`, `AlreadyApplied`, `NameTooLong`,
		/// `TooManyApplications` or `InsufficientBalance`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(
			origin: OriginFor<T>,
			name: Vec<u8>,
			kind: MemberKind,
			charter: Option<H256>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
			ensure!(!Applications::<T>::contains_key(&who), Error::<T>::AlreadyApplied);
			let name: BoundedVec<u8, T::MaxNameLen> =
				name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
			ensure!(
				Applications::<T>::count() < T::MaxApplications::get(),
				Error::<T>::TooManyApplications
			);
			let deposit = T::ApplicationDeposit::get();
			T::Currency::hold(&HoldReason::ApplicationDeposit.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			let applied = frame_system::Pallet::<T>::block_number();
			Applications::<T>::insert(&who, Application { name, kind, charter, deposit, applied });
			Self::deposit_event(Event::Applied { who, kind, deposit });
			Ok(())
		}

		/// Withdraws the caller's application; the deposit is released.
		///
		/// Origin: signed by the applicant.
		///
		/// Emits `ApplicationWithdrawn`. Fails with `NotApplicant`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw_application())]
		pub fn withdraw_application(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let application = Applications::<T>::get(&who).ok_or(Error::<T>::NotApplicant)?;
			T::Currency::release(
				&HoldReason::ApplicationDeposit.into(),
				&who,
				application.deposit,
				Precision::Exact,
			)?;
			Applications::<T>::remove(&who);
			Self::deposit_event(Event::ApplicationWithdrawn { who });
			Ok(())
		}

		/// The council admits an applicant: it becomes a member (in Peer's runtime, a council
		/// member too) and its deposit is released.
		///
		/// Origin: `AdmitOrigin` (in Peer's runtime, three quarters of the council, or Root).
		///
		/// - `who`: the applicant.
		///
		/// Emits `Admitted`. Fails with `NotApplicant`, `AlreadyMember` or `TooManyMembers`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::admit(T::MaxMembers::get())
			.saturating_add(T::MembershipChangeWeight::get()))]
		pub fn admit(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdmitOrigin::ensure_origin(origin)?;
			let application = Applications::<T>::get(&who).ok_or(Error::<T>::NotApplicant)?;
			let mut list = MemberList::<T>::get();
			let at = list.binary_search(&who).err().ok_or(Error::<T>::AlreadyMember)?;
			list.try_insert(at, who.clone()).map_err(|_| Error::<T>::TooManyMembers)?;
			T::Currency::release(
				&HoldReason::ApplicationDeposit.into(),
				&who,
				application.deposit,
				Precision::Exact,
			)?;
			Applications::<T>::remove(&who);
			Members::<T>::insert(
				&who,
				MemberRecord::<T> {
					name: application.name,
					kind: application.kind,
					charter: application.charter,
					joined: frame_system::Pallet::<T>::block_number(),
					leaves_at: None,
				},
			);
			T::MembershipChanged::change_members_sorted(core::slice::from_ref(&who), &[], &list);
			MemberList::<T>::put(list);
			Self::deposit_event(Event::Admitted { who });
			Ok(())
		}

		/// The council rejects an applicant: its deposit is burned (it pays for the council's time
		/// and keeps spam out).
		///
		/// Origin: `AdmitOrigin` (in Peer's runtime, three quarters of the council, or Root).
		///
		/// - `who`: the applicant.
		///
		/// Emits `ApplicationRejected`. Fails with `NotApplicant`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reject_application())]
		pub fn reject_application(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdmitOrigin::ensure_origin(origin)?;
			let application = Applications::<T>::get(&who).ok_or(Error::<T>::NotApplicant)?;
			let burned = T::Currency::burn_held(
				&HoldReason::ApplicationDeposit.into(),
				&who,
				application.deposit,
				Precision::Exact,
				Fortitude::Force,
			)?;
			Applications::<T>::remove(&who);
			Self::deposit_event(Event::ApplicationRejected { who, burned });
			Ok(())
		}

		/// A member gives notice; it may `retire` once `NoticePeriod` has passed.
		///
		/// Origin: signed by a member that has not given notice.
		///
		/// Emits `NoticeGiven`. Fails with `NotAMember` or `NoticeAlreadyGiven`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::give_notice())]
		pub fn give_notice(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Members::<T>::get(&who).ok_or(Error::<T>::NotAMember)?;
			ensure!(record.leaves_at.is_none(), Error::<T>::NoticeAlreadyGiven);
			let leaves_at =
				frame_system::Pallet::<T>::block_number().saturating_add(T::NoticePeriod::get());
			record.leaves_at = Some(leaves_at);
			Members::<T>::insert(&who, record);
			Self::deposit_event(Event::NoticeGiven { who, leaves_at });
			Ok(())
		}

		/// A member whose notice has run out leaves. Its open mission commitments are withdrawn or
		/// abandoned and, if it validates, it leaves the validator set (`OnMemberLeft`).
		///
		/// Origin: signed by a member whose notice period is over.
		///
		/// Emits `Retired`. Fails with `NotAMember`, `NoticeNotGiven`, `NoticeRunning` or
		/// `TooFewMembers`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::retire(T::MaxMembers::get())
			.saturating_add(T::MembershipChangeWeight::get())
			.saturating_add(T::OnMemberLeft::max_weight()))]
		pub fn retire(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let record = Members::<T>::get(&who).ok_or(Error::<T>::NotAMember)?;
			let leaves_at = record.leaves_at.ok_or(Error::<T>::NoticeNotGiven)?;
			ensure!(
				frame_system::Pallet::<T>::block_number() >= leaves_at,
				Error::<T>::NoticeRunning
			);
			let extra = Self::remove(&who)?;
			Self::deposit_event(Event::Retired { who });
			let used = T::WeightInfo::retire(T::MaxMembers::get())
				.saturating_add(T::MembershipChangeWeight::get())
				.saturating_add(extra);
			Ok(Some(used).into())
		}

		/// The council removes a member at once, with the same consequences as `retire`.
		///
		/// Origin: `RemoveOrigin` (in Peer's runtime, three quarters of the council, or Root).
		///
		/// - `who`: the member.
		///
		/// Emits `Removed`. Fails with `NotAMember` or `TooFewMembers`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_member(T::MaxMembers::get())
			.saturating_add(T::MembershipChangeWeight::get())
			.saturating_add(T::OnMemberLeft::max_weight()))]
		pub fn remove_member(
			origin: OriginFor<T>,
			who: T::AccountId,
		) -> DispatchResultWithPostInfo {
			T::RemoveOrigin::ensure_origin(origin)?;
			ensure!(Members::<T>::contains_key(&who), Error::<T>::NotAMember);
			let extra = Self::remove(&who)?;
			Self::deposit_event(Event::Removed { who });
			let used = T::WeightInfo::remove_member(T::MaxMembers::get())
				.saturating_add(T::MembershipChangeWeight::get())
				.saturating_add(extra);
			Ok(Some(used).into())
		}

		/// Dispatches `call` as Root: this is how the chain upgrades its runtime and makes every
		/// other Root call, with no sudo key.
		///
		/// Origin: `RootOrigin` (in Peer's runtime, three quarters of the council).
		///
		/// - `call`: the call to dispatch.
		///
		/// Emits `DispatchedAsRoot` with the inner call's result: the outer call succeeds even if
		/// the inner one fails.
		#[pallet::call_index(7)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::dispatch_as_root().saturating_add(info.call_weight), info.class)
		})]
		pub fn dispatch_as_root(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::RootOrigin::ensure_origin(origin)?;
			let result = call.dispatch(frame_system::RawOrigin::Root.into());
			let actual =
				result.map(|post| post.actual_weight).unwrap_or_else(|e| e.post_info.actual_weight);
			Self::deposit_event(Event::DispatchedAsRoot {
				result: result.map(|_| ()).map_err(|e| e.error),
			});
			Ok(actual.map(|w| w.saturating_add(T::WeightInfo::dispatch_as_root())).into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Takes `who` out of the member set and tells the council and the
		/// `OnMemberLeft` hook; returns the hook's weight.
		fn remove(who: &T::AccountId) -> Result<Weight, DispatchError> {
			let mut list = MemberList::<T>::get();
			ensure!(list.len() as u32 > T::MinMembers::get(), Error::<T>::TooFewMembers);
			if let Ok(at) = list.binary_search(who) {
				list.remove(at);
			}
			Members::<T>::remove(who);
			T::MembershipChanged::change_members_sorted(&[], core::slice::from_ref(who), &list);
			MemberList::<T>::put(list);
			Ok(T::OnMemberLeft::on_member_left(who))
		}

		/// Makes `who` a member without an application, for benchmarks of
		/// pallets that need members.
		#[cfg(feature = "runtime-benchmarks")]
		pub fn add_member_for_benchmarks(who: &T::AccountId) {
			let mut list = MemberList::<T>::get();
			if let Err(at) = list.binary_search(who) {
				if list.try_insert(at, who.clone()).is_ok() {
					Members::<T>::insert(
						who,
						MemberRecord::<T> {
							name: Default::default(),
							kind: MemberKind::Individual,
							charter: None,
							joined: Zero::zero(),
							leaves_at: None,
						},
					);
					T::MembershipChanged::change_members_sorted(
						core::slice::from_ref(who),
						&[],
						&list,
					);
					MemberList::<T>::put(list);
				}
			}
		}

		/// The members, sorted.
		pub fn members() -> Vec<T::AccountId> {
			MemberList::<T>::get().into_inner()
		}

		/// Checks that the sorted list and the records agree, and that every
		/// application's deposit is held.
		#[cfg(any(feature = "std", feature = "try-runtime"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let list = MemberList::<T>::get();
			ensure!(list.windows(2).all(|w| w[0] < w[1]), "member list not sorted");
			ensure!(list.len() == Members::<T>::iter_keys().count(), "list and records differ");
			for who in list.iter() {
				ensure!(Members::<T>::contains_key(who), "listed member without a record");
				ensure!(!Applications::<T>::contains_key(who), "a member with an application");
			}
			ensure!(
				Applications::<T>::count() as usize == Applications::<T>::iter_keys().count(),
				"application counter wrong"
			);
			for (who, application) in Applications::<T>::iter() {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::ApplicationDeposit.into(), &who)
						== application.deposit,
					"application deposit not held"
				);
			}
			Ok(())
		}
	}

	impl<T: Config> Contains<T::AccountId> for Pallet<T> {
		fn contains(who: &T::AccountId) -> bool {
			Members::<T>::contains_key(who)
		}
	}
}
