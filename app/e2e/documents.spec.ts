// Mission documents in the board, through the store beside the indexer: the
// owner's description and milestone, Dave's deliverable and Alice's reasons
// for rejecting it are read by the mission's people; Dave's statement in the
// dispute and the reasons by the council; refused, with why, to a member on
// no mission and to an outsider.
import { test, expect, type Page } from '@playwright/test';
import { activeMission, chooseAccount, closeChain, dev, goto, openAs, txDone } from './board';
import { uploadDocument } from '../src/indexer/documents';
import { blake2 } from '../src/lib/hash';

test.afterAll(closeChain);

const store = () => process.env.PEER_INDEXER_URL!;
const utf8 = new TextEncoder();
const DESCRIPTION = '# 교량 점검\nSurvey piers 1 to 4 of the Hangang bridge and report their condition.';
const SPEC = 'A PDF report with photographs of each pier.';
const REPORT = '%PDF-1.4 survey of piers 1 and 2';
const REASONS = 'Piers 3 and 4 are missing from the survey.';
const STATEMENT = 'Piers 3 and 4 were closed by the city; the permit letter is attached to the report.';

/** Opens the mission's page as `who`, the store chosen, and reads its documents. */
async function readAs(page: Page, who: string, id: number) {
  await chooseAccount(page, who);
  await goto(page, `mission/${id}`);
  const docs = page.getByTestId('documents');
  await docs.getByTestId('docs-read').click();
  return docs;
}

test("a mission's documents are read by its people and the council in a dispute, and by no one else", async ({
  page,
}) => {
  const [alice] = [dev('Alice')];
  const id = await activeMission('Bridge survey', {
    contentHash: blake2(utf8.encode(DESCRIPTION)),
    specHash: blake2(utf8.encode(SPEC)),
  });
  // Alice's description and milestone, stored from Node with her signature
  // (the board stores them when it posts; this mission was posted from Node).
  for (const doc of [
    { kind: 'description' as const, name: 'description.md', bytes: utf8.encode(DESCRIPTION) },
    { kind: 'milestone' as const, milestone: 0, name: 'milestone-1.md', bytes: utf8.encode(SPEC) },
  ])
    await uploadDocument(store(), { address: alice.address, signer: alice.signer }, { mission: id, ...doc });

  await openAs(page, 'Dave', '');
  await page.evaluate((url) => localStorage.setItem('peer.indexer', url), store());

  // Dave delivers: the chain records the hash, the store keeps the file.
  await goto(page, `mission/${id}`);
  const deliver = page.getByTestId('deliver-0');
  await deliver
    .getByLabel('Deliverable file for milestone 1')
    .setInputFiles({ name: 'survey.pdf', mimeType: 'application/pdf', buffer: Buffer.from(REPORT) });
  await deliver.getByRole('button', { name: 'Submit deliverable' }).click();
  await txDone(page, 'Deliver milestone 1', 'finalized');
  await expect(page.getByTestId('docs-upload-status')).toContainText('document store ✓: survey.pdf');

  // Alice rejects with reasons: their hash on chain, their text in the store.
  await chooseAccount(page, 'Alice');
  await page.getByTestId('milestone-0').getByRole('button', { name: 'Reject…' }).click();
  await page.getByTestId('milestone-0').getByLabel('Reasons', { exact: true }).fill(REASONS);
  await page.getByTestId('milestone-0').getByRole('button', { name: 'Reject', exact: true }).click();
  await txDone(page, 'Reject milestone 1', 'finalized');
  await expect(page.getByTestId('docs-upload-status')).toContainText('document store ✓: reasons.txt');

  // Dave, on the roster, reads all of it, each checked against the chain.
  let docs = await readAs(page, 'Dave', id);
  await expect(docs.getByTestId('doc-description')).toContainText('Survey piers 1 to 4');
  await expect(docs.getByTestId('doc-description').getByTestId('doc-verdict')).toHaveText(/verified/);
  await expect(docs.getByTestId('doc-milestone-0')).toContainText(SPEC);
  await expect(docs.getByTestId('doc-rejection-0')).toContainText(REASONS);
  await expect(docs.getByTestId('doc-rejection-0').getByTestId('doc-verdict')).toHaveText(/verified/);
  const deliverable = docs.getByTestId('doc-deliverable-0');
  await expect(deliverable).toContainText('survey.pdf');
  await expect(deliverable.getByTestId('doc-verdict')).toHaveText(/verified/);
  const download = page.waitForEvent('download');
  await deliverable.getByRole('button', { name: /Download/ }).click();
  expect((await download).suggestedFilename()).toBe('survey.pdf');

  // Charlie, a member and on the council but not on the mission, and Eve, no
  // member: refused, and told why.
  for (const who of ['Charlie', 'Eve']) {
    docs = await readAs(page, who, id);
    await expect(docs.getByTestId('docs-refused')).toContainText("You may not read this mission's documents");
    await expect(docs.getByTestId('doc-description')).toHaveCount(0);
  }

  // Dave disputes, with his statement for the council.
  await chooseAccount(page, 'Dave');
  await goto(page, `mission/${id}`);
  await page.getByTestId('milestone-0').getByRole('button', { name: 'Dispute the rejection' }).click();
  const dispute = page.getByTestId('dispute-0');
  await dispute.getByLabel('Your statement for the council (optional)').fill(STATEMENT);
  await dispute.getByRole('button', { name: 'Dispute', exact: true }).click();
  await txDone(page, 'Dispute milestone 1', 'finalized');
  await expect(page.getByTestId('docs-upload-status')).toContainText('document store ✓: statement.txt');

  // Charlie, on the council, reads both sides where the verdict is proposed.
  await chooseAccount(page, 'Charlie');
  await goto(page, 'council');
  const propose = page.getByTestId('propose');
  await propose.getByLabel('Motion').selectOption('dispute');
  await propose.getByLabel('Disputed milestone').selectOption(`${id}/0`);
  await propose.getByTestId('docs-read').click();
  await expect(propose.getByTestId('doc-rejection-0')).toContainText(REASONS);
  await expect(propose.getByTestId('doc-rejection-0').getByTestId('doc-verdict')).toHaveText(/verified/);
  await expect(propose.getByTestId('doc-statement-0')).toContainText(STATEMENT);
  await expect(propose.getByTestId('doc-statement-0').getByTestId('doc-verdict')).toHaveText(/signed by its author/);
  await expect(propose.getByTestId('doc-deliverable-0')).toContainText('survey.pdf');

  // Eve, no member, is still refused while the dispute is open.
  docs = await readAs(page, 'Eve', id);
  await expect(docs.getByTestId('docs-refused')).toContainText("You may not read this mission's documents");
});
