"""Read-only API views: thin, over the same domain querysets as the public pages."""

import hashlib

from django.db.models import Count, Q
from django.http import Http404
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.pagination import PageNumberPagination

from ...models import Department, PolicyProject, SelectionCriterion
from ...public.filters import FilterChoices, RegisterFilterForm
from ...public.officials import involvement_order, official_records
from ...public.records import official_statements
from ...search import MAX_QUERY_LENGTH
from ..queries import officials_with_public_record
from . import serializers

#: Moves when what the detail says changes shape (a field added): old ETags stop matching.
DETAIL_FORMAT = "1"


class Pages(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


REGISTER_FILTERS = [
    OpenApiParameter("q", str, description=f"검색어(정책사업명, 본문, 관련자 성명; {MAX_QUERY_LENGTH}자까지). 예: 1인가구"),
    OpenApiParameter("year", int, description="등록연도. 예: 2023"),
    OpenApiParameter("department", int, description="사업부서 id (/api/departments/)"),
    OpenApiParameter("criterion", int, description="선정기준 id (/api/criteria/)"),
    OpenApiParameter("status", str, enum=PolicyProject.Status.values,
                     description="추진상태: ongoing 진행중, completed 완료, suspended 중단"),
]


@extend_schema(parameters=REGISTER_FILTERS, summary="공개된 사업 목록",
               description="등록부(/)와 같은 조건·검색. 알 수 없는 조건 값은 무시합니다.")
class ProjectList(generics.ListAPIView):
    serializer_class = serializers.ProjectSummarySerializer
    pagination_class = Pages

    def get_queryset(self):
        form = RegisterFilterForm.from_query(self.request.query_params,
                                             choices=FilterChoices.cached())
        return form.filter(PolicyProject.objects.published().for_list())


def sheet_queryset():
    """A published project with its whole sheet and records, in a fixed number of queries."""
    return PolicyProject.objects.published().for_sheet().with_records(meetings_in_full=True)


def detail_etag(project) -> str:
    digest = hashlib.sha256(f"api:{project.pk}:{project.version}:{DETAIL_FORMAT}".encode())
    return f'"{digest.hexdigest()[:32]}"'


@extend_schema(
    summary="사업내역서 전체",
    parameters=[OpenApiParameter("number", str, OpenApiParameter.PATH,
                                 description="등록번호. 예: 2023-13")],
    responses={200: serializers.ProjectDetailSerializer,
               304: OpenApiResponse(description="If-None-Match의 판과 같음"),
               404: OpenApiResponse(description="공개된 사업내역서가 없음")},
)
class ProjectDetail(generics.RetrieveAPIView):
    """The whole sheet; ``ETag`` names its version, so a client that has it gets 304."""

    serializer_class = serializers.ProjectDetailSerializer

    def get(self, request, number):
        stamp = PolicyProject.objects.published().by_registration_number(number).only(
            "pk", "version", "updated_at").first()
        if stamp is None:
            raise Http404
        etag = detail_etag(stamp)
        last_modified = stamp.updated_at.timestamp()
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            return not_modified
        response = super().get(request, number)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, no_cache=True)
        return response

    def get_object(self):
        project = sheet_queryset().by_registration_number(self.kwargs["number"]).first()
        if project is None:
            raise Http404
        return project


@extend_schema(summary="공개된 사업에 이름이 오른 관련자")
class OfficialList(generics.ListAPIView):
    serializer_class = serializers.OfficialRefSerializer
    pagination_class = Pages
    queryset = officials_with_public_record().select_related("department")


@extend_schema(summary="관련자의 공개 기록",
               description="이 사람이 ⑥ 담당자나 사업관련자로 참여한 공개 사업(최근 참여 순), "
                           "남긴 의견과 참석한 회의")
class OfficialDetail(generics.RetrieveAPIView):
    serializer_class = serializers.OfficialDetailSerializer
    queryset = officials_with_public_record().select_related("department")

    def get_object(self):
        official = super().get_object()
        order = involvement_order(official)
        projects = PolicyProject.objects.for_list().in_bulk(order)
        official.records = official_records(official, [projects[pk] for pk in order])
        official.statements = official_statements(official)
        return official


class DepartmentQueries:
    serializer_class = serializers.DepartmentSerializer

    def get_queryset(self):
        return Department.objects.annotate(published_projects=Count(
            "projects", filter=Q(projects__published_at__isnull=False)))


@extend_schema(summary="사업부서")
class DepartmentList(DepartmentQueries, generics.ListAPIView):
    pass


@extend_schema(summary="사업부서 하나")
class DepartmentDetail(DepartmentQueries, generics.RetrieveAPIView):
    pass


@extend_schema(summary="선정기준")
class CriterionList(generics.ListAPIView):
    serializer_class = serializers.CriterionSerializer
    queryset = SelectionCriterion.objects.all()


@extend_schema(summary="선정기준 하나")
class CriterionDetail(generics.RetrieveAPIView):
    serializer_class = serializers.CriterionSerializer
    queryset = SelectionCriterion.objects.all()
