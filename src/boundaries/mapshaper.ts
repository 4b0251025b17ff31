/** mapshaper (simplification, Shapefile reading, TopoJSON writing) run in memory, without its console chatter. */
import mapshaper from 'mapshaper';

export async function runMapshaper(commands: string, inputs: Record<string, string | Buffer>): Promise<Record<string, Buffer | string>> {
  return (await mapshaper.applyCommands(`${commands} -quiet`, inputs)) as Record<string, Buffer | string>;
}
