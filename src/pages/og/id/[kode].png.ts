/** Share card (Open Graph image) of a profile, Indonesian: /og/id/<kode>.png (src/components/kartu/kartu.ts). */
import { kartuPaths, kartuResponse } from '../../../components/kartu/kartu.ts';

export const getStaticPaths = kartuPaths;
export const GET = ({ params }: { params: { kode: string } }) => kartuResponse('id', params.kode);
