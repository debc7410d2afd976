//! Benchmarks of every call, with the member list as full as the bound allows.

use super::*;
use crate::Pallet as Consortium;
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get,
};
use frame_system::RawOrigin;
use sp_runtime::Saturating;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = T::ApplicationDeposit::get()
		.saturating_mul(10u32.into())
		.saturating_add(T::Currency::minimum_balance().saturating_mul(10u32.into()));
	T::Currency::set_balance(&who, amount);
	who
}

fn applicant<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who = funded::<T>(name, index);
	Consortium::<T>::apply(
		RawOrigin::Signed(who.clone()).into(),
		vec![b'n'; T::MaxNameLen::get() as usize],
		MemberKind::Organization,
		Some(Default::default()),
	)
	.expect("applied");
	who
}

/// Fills the member list up to `m` members by admitting applicants.
fn members<T: Config>(m: u32) -> Result<Vec<T::AccountId>, BenchmarkError> {
	let origin = T::AdmitOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	let mut i = 0;
	while (MemberList::<T>::get().len() as u32) < m {
		let who = applicant::<T>("member", i);
		Consortium::<T>::admit(origin.clone(), who).expect("admitted");
		i += 1;
	}
	Ok(MemberList::<T>::get().into_inner())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn apply() {
		let who = funded::<T>("applicant", 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			vec![b'n'; T::MaxNameLen::get() as usize],
			MemberKind::Individual,
			Some(Default::default()),
		);

		assert!(Applications::<T>::contains_key(&who));
	}

	#[benchmark]
	fn withdraw_application() {
		let who = applicant::<T>("applicant", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Applications::<T>::contains_key(&who));
	}

	#[benchmark]
	fn admit(m: Linear<1, { T::MaxMembers::get() - 1 }>) -> Result<(), BenchmarkError> {
		members::<T>(m)?;
		let who = applicant::<T>("applicant", 0);
		let origin =
			T::AdmitOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Members::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn reject_application() -> Result<(), BenchmarkError> {
		let who = applicant::<T>("applicant", 0);
		let origin =
			T::AdmitOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Applications::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn give_notice() -> Result<(), BenchmarkError> {
		let list = members::<T>(T::MinMembers::get().saturating_add(1))?;
		let who = list[0].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(Members::<T>::get(&who).expect("member").leaves_at.is_some());
		Ok(())
	}

	#[benchmark]
	fn retire(
		m: Linear<{ T::MinMembers::get() + 1 }, { T::MaxMembers::get() }>,
	) -> Result<(), BenchmarkError> {
		let list = members::<T>(m)?;
		let who = list[list.len() - 1].clone();
		Consortium::<T>::give_notice(RawOrigin::Signed(who.clone()).into()).expect("notice");
		let later =
			frame_system::Pallet::<T>::block_number().saturating_add(T::NoticePeriod::get());
		frame_system::Pallet::<T>::set_block_number(later);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Members::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_member(
		m: Linear<{ T::MinMembers::get() + 1 }, { T::MaxMembers::get() }>,
	) -> Result<(), BenchmarkError> {
		let list = members::<T>(m)?;
		let who = list[list.len() - 1].clone();
		let origin =
			T::RemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Members::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn dispatch_as_root() -> Result<(), BenchmarkError> {
		let origin =
			T::RootOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let call: <T as Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: Vec::new() }.into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(call));

		Ok(())
	}

	impl_benchmark_test_suite!(Consortium, crate::mock::new_test_ext(), crate::mock::Test);
}
