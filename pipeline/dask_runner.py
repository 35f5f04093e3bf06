"""Beam's Dask runner, with the two fixes eventwire needs to run on it.

    eventwire run --runner=pipeline.dask_runner.DaskRunner --dask_client_address=HOST:8786 ...

Beam 2.77's `apache_beam.runners.dask.dask_runner.DaskRunner` (experimental):
1. puts every output of a multi-output ParDo into one Dask bag, so a consumer
   of the main output also receives the `TaggedOutput`s (our dead letters reach
   WriteEvents); here a ParDo's bag holds (tag, value) pairs and each consumer
   reads only its own tag;
2. computes only the last transform's bag, so a sink that is not upstream of
   it never runs; here every leaf of the graph is computed.
It also has no metrics (`metrics()` raises); here the result reports none, so
the summary falls back to what the run's manifest says.
"""
from __future__ import annotations

import collections
import dataclasses

from apache_beam import pvalue
from apache_beam.pipeline import PipelineVisitor
from apache_beam.runners.common import DoFnContext, DoFnInvoker, DoFnSignature
from apache_beam.runners.dask import dask_runner as beam_dask
from apache_beam.runners.dask import transform_evaluator as te
from apache_beam.runners.dask.overrides import dask_overrides
from apache_beam.transforms.sideinputs import SideInputMap
from apache_beam.utils.windowed_value import WindowedValue


def _bundle(items, invoker_args, invoker_kwargs, receivers):
    """One Dask partition through the DoFn: (tag, value) for every output."""
    receivers.values.clear()
    invoker = DoFnInvoker.create_invoker(*invoker_args, **invoker_kwargs)
    invoker.invoke_setup()
    invoker.invoke_start_bundle()
    for item in items:
        invoker.invoke_process(item)
    invoker.invoke_finish_bundle()
    invoker.invoke_teardown()
    out = []
    for value in receivers.values:
        if isinstance(value, pvalue.TaggedOutput):
            inner = value.value
            out.append((value.tag, inner.value if isinstance(inner, WindowedValue) else inner))
        else:
            out.append((None, value.value if isinstance(value, WindowedValue) else value))
    receivers.values.clear()
    return out


class TaggedParDo(te.ParDo):
    def apply(self, input_bag, side_inputs=None):
        import apache_beam as beam

        transform = self.transform
        assert isinstance(transform, beam.ParDo)
        args, kwargs = transform.raw_side_inputs
        main_input = next(iter(self.applied.main_inputs.values()))
        window_fn = main_input.windowing.windowfn if hasattr(main_input, "windowing") else None
        receivers = te.OneReceiver()
        invoker_args = [
            DoFnSignature(transform.fn),
            te._OutputHandler(
                window_fn=window_fn, main_receivers=receivers[None], tagged_receivers=receivers,
                per_element_output_counter=None, output_batch_converter=None,
                process_yields_batches=False, process_batch_yields_elements=False),
        ]
        invoker_kwargs = dict(
            context=DoFnContext(transform.label, state=None), side_inputs=side_inputs,
            input_args=list(args), input_kwargs=kwargs, user_state_context=None,
            bundle_finalizer_param=beam.DoFn.BundleFinalizerParam(),
        )
        return input_bag.map(te.get_windowed_value, window_fn).map_partitions(
            _bundle, invoker_args, invoker_kwargs, receivers)


def _select(tag):
    def pick(pairs):
        return [value for t, value in pairs if t == tag]

    return pick


class _NoMetrics:
    def query(self, _filter=None):
        return {"counters": [], "distributions": [], "gauges": []}


@dataclasses.dataclass
class DaskRunnerResult(beam_dask.DaskRunnerResult):
    def metrics(self):
        return _NoMetrics()


class DaskRunner(beam_dask.DaskRunner):
    """Beam's DaskRunner with per-tag outputs and every sink computed."""

    @staticmethod
    def to_dask_bag_visitor(bag_kwargs=None) -> PipelineVisitor:
        bag_kwargs = bag_kwargs or {}

        @dataclasses.dataclass
        class Visitor(PipelineVisitor):
            bags: dict = dataclasses.field(default_factory=collections.OrderedDict)
            tagged: set = dataclasses.field(default_factory=set)
            consumed: set = dataclasses.field(default_factory=set)

            def bag_of(self, value):
                producer = value.producer
                self.consumed.add(producer)
                bag = self.bags.get(producer)
                if bag is not None and producer in self.tagged:
                    bag = bag.map_partitions(_select(value.tag))
                return bag

            def visit_transform(self, node) -> None:
                op_class = te.TRANSLATIONS.get(node.transform.__class__, te.NoOp)
                if op_class is te.ParDo:
                    op_class = TaggedParDo
                op = op_class(node, bag_kwargs=bag_kwargs)
                kws = {"input_bag": None, "side_inputs": None}
                inputs = list(node.inputs)
                if inputs:
                    bags = []
                    for value in inputs:
                        if isinstance(value, pvalue.PBegin):
                            bags.append(None)
                        elif value.producer in self.bags:
                            bags.append(self.bag_of(value))
                    kws["input_bag"] = bags[0] if len(bags) == 1 and not isinstance(op, te.Flatten) else bags
                side_inputs = list(node.side_inputs)
                if side_inputs:
                    kws["side_inputs"] = [
                        SideInputMap(type(si), si._view_options(),
                                     te.DaskBagWindowedIterator(self.bag_of(si.pvalue), si._window_mapping_fn))
                        for si in side_inputs
                    ]
                self.bags[node] = op.apply(**kws)
                if isinstance(op, TaggedParDo):
                    self.tagged.add(node)

        return Visitor()

    def run_pipeline(self, pipeline, options):
        import dask
        import dask.distributed as ddist

        dask_options = options.view_as(beam_dask.DaskOptions).get_all_options(drop_default=True, current_only=True)
        bag_kwargs = beam_dask.DaskOptions._extract_bag_kwargs(dask_options)
        client = ddist.Client(**dask_options)
        pipeline.replace_all(dask_overrides())
        visitor = self.to_dask_bag_visitor(bag_kwargs)
        pipeline.visit(visitor)
        leaves = [bag for node, bag in visitor.bags.items() if node not in visitor.consumed]
        futures = client.compute(dask.optimize(*leaves))
        return DaskRunnerResult(client, futures)
