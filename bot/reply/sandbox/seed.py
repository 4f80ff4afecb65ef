"""The sandbox's demo data: one demo user, two teammates and eight contacts.

The contacts cover what a rep will type: Jane Cooper at Acme (the product's headline
example), two Janes (a name that hits several contacts), a shared mailbox with no name and
no phone, a contact known only by a LinkedIn URL, and people in several time zones.

Reply's Contact schema (reply-v3-openapi.yaml, `Contact`) marks no string property as
nullable, unlike Task's, so an unset string is `""` here, as Reply's v1 API sends `"notes": ""`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.domain import Contact, Whoami


@dataclass(frozen=True, slots=True)
class TeamUser:
    user_id: int
    name: str
    email: str
    team_id: int
    team_name: str


DEMO_TEAM_ID = 310
DEMO_TEAM_NAME = "Northstar Sales"
DEMO_USER = TeamUser(4201, "Alex Rivera", "alex.rivera@northstar.example", 310, DEMO_TEAM_NAME)
TEAMMATES = (
    TeamUser(4202, "Sam Okafor", "sam.okafor@northstar.example", 310, DEMO_TEAM_NAME),
    TeamUser(4203, "Dana Whitfield", "dana.whitfield@northstar.example", 310, DEMO_TEAM_NAME),
)


@dataclass(frozen=True, slots=True)
class SeedContact:
    """A contact with every property of Reply's Contact schema."""

    id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    title: str
    company: str
    company_size: str  # beta (camelCase) spelling; seed answers PascalCase
    industry: str
    city: str
    state: str
    country: str
    time_zone_id: str
    linkedin_url: str
    sales_navigator_url: str = ""
    recruiter_url: str = ""
    notes: str = ""
    owner_user_id: int = DEMO_USER.user_id
    added_at: datetime = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)
    modified_at: datetime = datetime(2025, 9, 15, 14, 5, tzinfo=UTC)
    custom_fields: tuple[tuple[str, str], ...] = field(default=())

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2] if "@" in self.email else ""

    @property
    def full_name(self) -> str | None:
        name = f"{self.first_name} {self.last_name}".strip()
        return name or None

    @property
    def phone_status(self) -> str:
        return "valid" if self.phone else "notValidated"

    def variables(self) -> dict[str, str]:
        """What `{{variables}}` in a task template see: the contact's properties, then its
        custom fields by key (a custom field never hides a standard property)."""
        standard = {
            "firstName": self.first_name,
            "lastName": self.last_name,
            "email": self.email,
            "phone": self.phone,
            "title": self.title,
            "company": self.company,
            "industry": self.industry,
            "city": self.city,
            "state": self.state,
            "country": self.country,
            "timeZoneId": self.time_zone_id,
            "linkedInUrl": self.linkedin_url,
            "domain": self.domain,
        }
        return dict(self.custom_fields) | standard

    def to_domain(self) -> Contact:
        return Contact(
            id=self.id,
            email=self.email or None,
            first_name=self.first_name or None,
            last_name=self.last_name or None,
            company=self.company or None,
            title=self.title or None,
            phone=self.phone or None,
            linkedin_url=self.linkedin_url or None,
            time_zone_id=self.time_zone_id or None,
            city=self.city or None,
            country=self.country or None,
            custom_fields=self.custom_fields,
        )


def demo_whoami() -> Whoami:
    return Whoami(user_id=DEMO_USER.user_id, username=DEMO_USER.name, team_id=DEMO_TEAM_ID)


CONTACTS: tuple[SeedContact, ...] = (
    SeedContact(
        id=30101, first_name="Jane", last_name="Cooper", email="jane@acme.com",
        phone="+14155550132", title="VP of Sales", company="Acme", company_size="twoHundred",
        industry="Industrial Manufacturing", city="San Francisco", state="CA",
        country="United States", time_zone_id="America/Los_Angeles",
        linkedin_url="https://www.linkedin.com/in/jane-cooper-acme",
        sales_navigator_url="https://www.linkedin.com/sales/lead/ACwAAB7c0pE",
        notes="Renewal owner. Prefers calls after 2pm Pacific.",
        custom_fields=(("plan", "Enterprise"), ("renewalDate", "2026-03-31")),
    ),
    SeedContact(
        id=30102, first_name="Bob", last_name="Martinez", email="bob@globex.com",
        phone="+13125550187", title="Head of Procurement", company="Globex",
        company_size="fiveHundred", industry="Logistics", city="Chicago", state="IL",
        country="United States", time_zone_id="America/Chicago",
        linkedin_url="https://www.linkedin.com/in/bob-martinez-globex",
        custom_fields=(("plan", "Growth"),),
    ),
    SeedContact(
        id=30103, first_name="Mike", last_name="Chen", email="mike@oscorp.com",
        phone="+12125550143", title="CTO", company="Oscorp", company_size="oneThousand",
        industry="Biotechnology", city="New York", state="NY", country="United States",
        time_zone_id="America/New_York", linkedin_url="https://www.linkedin.com/in/mikechen-oscorp",
    ),
    # A shared mailbox: no name, no phone, no LinkedIn.
    SeedContact(
        id=30104, first_name="", last_name="", email="ops@initech.io", phone="",
        title="", company="Initech", company_size="fifty", industry="Software",
        city="Austin", state="TX", country="United States", time_zone_id="America/Chicago",
        linkedin_url="", notes="Shared operations inbox.",
    ),
    # The second Jane.
    SeedContact(
        id=30105, first_name="Jane", last_name="Park", email="jane.park@hooli.com",
        phone="+16505550171", title="Director of Engineering", company="Hooli",
        company_size="fiveThousand", industry="Internet", city="Palo Alto", state="CA",
        country="United States", time_zone_id="America/Los_Angeles",
        linkedin_url="https://www.linkedin.com/in/janepark",
    ),
    # Known only by LinkedIn: no email, no phone.
    SeedContact(
        id=30106, first_name="Priya", last_name="Raman", email="", phone="",
        title="Head of Growth", company="Umbrella Health", company_size="tenThousand",
        industry="Healthcare", city="Bengaluru", state="Karnataka", country="India",
        time_zone_id="Asia/Kolkata", linkedin_url="https://www.linkedin.com/in/priya-raman-growth",
    ),
    SeedContact(
        id=30107, first_name="Lars", last_name="Eriksson", email="lars.eriksson@northwind.se",
        phone="+46855501234", title="Purchasing Manager", company="Northwind Traders",
        company_size="twoHundred", industry="Wholesale", city="Stockholm",
        state="Stockholm County", country="Sweden", time_zone_id="Europe/Stockholm",
        linkedin_url="https://www.linkedin.com/in/lars-eriksson-northwind",
    ),
    SeedContact(
        id=30108, first_name="Amélie", last_name="Laurent", email="amelie.laurent@vandelay.fr",
        phone="+33155550123", title="Head of Purchasing", company="Vandelay Industries",
        company_size="fifty", industry="Import & Export", city="Paris", state="Île-de-France",
        country="France", time_zone_id="Europe/Paris",
        linkedin_url="https://www.linkedin.com/in/amelie-laurent",
    ),
)  # fmt: skip
